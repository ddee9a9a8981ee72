-- Imported ideas (issue 5, import from the team's spreadsheet) keep an "imported" event in
-- their history. The kind list is extended in place, whatever kinds earlier migrations
-- allowed, so this stays additive to the other portfolio migrations.
DO $$
DECLARE
  c record;
BEGIN
  SELECT conname, pg_get_constraintdef(oid) AS def INTO c
    FROM pg_constraint
   WHERE conrelid = 'portfolio_events'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%kind%submitted%';
  EXECUTE format('ALTER TABLE portfolio_events DROP CONSTRAINT %I', c.conname);
  EXECUTE 'ALTER TABLE portfolio_events ADD CONSTRAINT portfolio_events_kind_check '
    || replace(c.def, 'ARRAY[', 'ARRAY[''imported''::text, ');
END
$$;
