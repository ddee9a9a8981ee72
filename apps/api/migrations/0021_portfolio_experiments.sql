-- Experiments (issue 5, MODEL.md): an idea that enters the experiment stage gets the clocks
-- of seed 002. Deciding starts them: it must be declared publicly within 24 hours, and it is
-- done in 21 days (small) or 105 days (larger). The due date moves only by an extension with
-- a recorded reason.

CREATE TABLE portfolio_experiments (
  municipality_id uuid NOT NULL,
  idea_id uuid PRIMARY KEY,
  timebox_days integer NOT NULL CHECK (timebox_days IN (21, 105)),
  decided_at timestamptz NOT NULL,
  -- decided_at + 24 h, kept so the overdue view is one indexable comparison.
  declare_by timestamptz NOT NULL,
  declared_at timestamptz,
  declaration text NOT NULL DEFAULT '' CHECK (length(declaration) <= 2000),
  -- The Helsinki date of the decision + the timebox + every extension.
  due_date date NOT NULL,
  budget_granted_cents integer NOT NULL DEFAULT 0 CHECK (budget_granted_cents >= 0),
  budget_spent_cents integer NOT NULL DEFAULT 0 CHECK (budget_spent_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (declare_by = decided_at + interval '24 hours'),
  CHECK ((declared_at IS NULL) = (declaration = '')),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id),
  UNIQUE (municipality_id, idea_id)
);
CREATE INDEX portfolio_experiments_due ON portfolio_experiments (municipality_id, due_date);

-- The only way a due date moves; append-only.
CREATE TABLE portfolio_extensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  days integer NOT NULL CHECK (days BETWEEN 1 AND 105),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  extended_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, idea_id)
    REFERENCES portfolio_experiments (municipality_id, idea_id)
);
CREATE INDEX portfolio_extensions_idea ON portfolio_extensions (idea_id, created_at);

ALTER TABLE portfolio_experiments ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_extensions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portfolio_experiments
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_extensions
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON portfolio_experiments TO helppo_app;
GRANT SELECT, INSERT ON portfolio_extensions TO helppo_app;
