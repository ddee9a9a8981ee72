-- Private calendar feeds: a secret address per person and municipality that calendar apps
-- subscribe to (webcal). Only the hash of the secret is stored.
CREATE TABLE calendar_feeds (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, person_id)
);
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON calendar_feeds
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_feeds TO helppo_app;
