-- The taken time of a facility for the availability calendar, the most asked query there is.
-- Under row-level security PostgreSQL may not use a non-leakproof operator such as the range
-- overlap && in an index condition, so the policy made every availability read scan all the
-- facility's reservations (thousands over a year). This function runs as the owner, confines
-- itself to the transaction's municipality explicitly, as the policy would, and so lets the
-- exclusion constraint's GiST index find the week directly.
CREATE FUNCTION resource_busy(p_resource uuid, p_from timestamptz, p_to timestamptz)
  RETURNS TABLE (id uuid, start timestamptz, "end" timestamptz, buffer_end timestamptz,
                 person_id uuid, kind text, status text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT r.id, lower(r.during), upper(r.during), upper(r.blocks), r.person_id, r.kind, r.status
  FROM reservations r
  WHERE r.municipality_id = app_current_municipality()
    AND r.resource_id = p_resource
    AND r.status IN ('held', 'requested', 'confirmed')
    AND r.blocks && tstzrange(p_from, p_to)
  ORDER BY lower(r.blocks)
$$;
REVOKE ALL ON FUNCTION resource_busy(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION resource_busy(uuid, timestamptz, timestamptz) TO helppo_app;
