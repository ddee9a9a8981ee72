-- Experiment details (issue 5, MODEL.md "Next steps" 1): the cross-department team and the
-- metrics of an experiment. The budget (granted, spent) is already on portfolio_experiments.
-- The team and the metrics are replaced as a whole when the owner or the digital team saves.

CREATE TABLE portfolio_experimenters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  -- A person of the municipality chosen from staff, or a free-text name (a partner, a pupil).
  person_id uuid REFERENCES people (id),
  name text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
  department text NOT NULL DEFAULT '' CHECK (length(department) <= 200),
  CHECK (person_id IS NOT NULL OR length(btrim(name)) > 0),
  FOREIGN KEY (municipality_id, idea_id)
    REFERENCES portfolio_experiments (municipality_id, idea_id),
  UNIQUE (idea_id, position)
);

CREATE TABLE portfolio_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 40),
  baseline double precision,
  target double precision,
  -- The measured result; the adopted stage needs one on every metric.
  result double precision,
  FOREIGN KEY (municipality_id, idea_id)
    REFERENCES portfolio_experiments (municipality_id, idea_id),
  UNIQUE (idea_id, position)
);

ALTER TABLE portfolio_experimenters ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portfolio_experimenters
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_metrics
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, DELETE ON portfolio_experimenters TO helppo_app;
GRANT SELECT, INSERT, DELETE ON portfolio_metrics TO helppo_app;
