-- The case bank of the portfolio (issue 5; the plan is in src/modules/portfolio/MODEL.md,
-- "Case bank tenancy"): a finished experiment written up as a case card by the municipality's
-- digital team, its photos, the supports it gets from people of any municipality, and the
-- copies other municipalities make of it into their own idea pipeline.
--
-- Tenancy differs from the other tables on purpose: a published case is readable by every
-- municipality and without a municipality at all (the public /api/cases… endpoints run with
-- none), a draft only in its own municipality; only the own municipality writes a case.

-- The size of a municipality for the case bank's filter (inhabitants; NULL: not told).
ALTER TABLE municipalities ADD COLUMN population integer CHECK (population >= 0);

CREATE TABLE portfolio_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  -- The portfolio idea (experiment) the case was written from, in the same municipality.
  idea_id uuid,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  problem text NOT NULL DEFAULT '' CHECK (length(problem) <= 5000),
  tried text NOT NULL DEFAULT '' CHECK (length(tried) <= 5000),
  duration_days integer CHECK (duration_days BETWEEN 1 AND 3650),
  cost_cents integer CHECK (cost_cents BETWEEN 0 AND 1000000000),
  -- [{name, unit, baseline, target, result}], numbers or null; validated by the API.
  metrics jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(metrics) = 'array'),
  outcome text CHECK (outcome IN ('adopted', 'changed', 'stopped')),
  lessons text NOT NULL DEFAULT '' CHECK (length(lessons) <= 5000),
  contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 200),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
  themes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(themes) <= 10),
  published_at timestamptz,
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A published case has everything a reader needs; the API says which field is missing.
  CHECK (status = 'draft' OR (published_at IS NOT NULL AND outcome IS NOT NULL
    AND problem <> '' AND tried <> '' AND lessons <> '')),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX portfolio_cases_published ON portfolio_cases (published_at DESC)
  WHERE status = 'published';
CREATE INDEX portfolio_cases_municipality ON portfolio_cases (municipality_id, updated_at DESC);

-- Photos, resized on upload (the longer side at most 1600 px, JPEG or WebP).
CREATE TABLE portfolio_case_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  data bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 2097152),
  mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  alt_text text NOT NULL CHECK (length(alt_text) BETWEEN 1 AND 300),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, case_id) REFERENCES portfolio_cases (municipality_id, id)
    ON DELETE CASCADE
);
CREATE INDEX portfolio_case_photos_case ON portfolio_case_photos (case_id, position);

-- One support per person per case, by the primary key. The supporter may be of any
-- municipality; the row belongs to the case's municipality.
CREATE TABLE portfolio_case_supports (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, person_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES portfolio_cases (municipality_id, id)
    ON DELETE CASCADE
);

-- "Copy to our municipality": the idea it created in the copying municipality's pipeline.
-- municipality_id is the copier's; one copy per case and municipality.
CREATE TABLE portfolio_case_copies (
  case_id uuid NOT NULL REFERENCES portfolio_cases (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  idea_id uuid NOT NULL,
  copied_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, municipality_id),
  -- The idea is the copier's own.
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id)
);

ALTER TABLE portfolio_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_case_photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_case_supports ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_case_copies ENABLE ROW LEVEL SECURITY;

CREATE POLICY case_read ON portfolio_cases FOR SELECT
  USING (status = 'published' OR municipality_id = app_current_municipality());
CREATE POLICY case_write ON portfolio_cases FOR ALL
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

-- The subqueries see portfolio_cases through its own policy, so "published" is checked there.
CREATE POLICY case_photo_read ON portfolio_case_photos FOR SELECT
  USING (municipality_id = app_current_municipality() OR EXISTS (
    SELECT FROM portfolio_cases c WHERE c.id = case_id AND c.status = 'published'));
CREATE POLICY case_photo_write ON portfolio_case_photos FOR ALL
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

-- Anyone signed in, from any municipality, supports a published case (the service binds the
-- row to the person); a draft takes no supports.
CREATE POLICY case_support_read ON portfolio_case_supports FOR SELECT
  USING (municipality_id = app_current_municipality() OR EXISTS (
    SELECT FROM portfolio_cases c WHERE c.id = case_id AND c.status = 'published'));
CREATE POLICY case_support_insert ON portfolio_case_supports FOR INSERT
  WITH CHECK (EXISTS (
    SELECT FROM portfolio_cases c WHERE c.id = case_id AND c.status = 'published'
      AND c.municipality_id = portfolio_case_supports.municipality_id));
CREATE POLICY case_support_delete ON portfolio_case_supports FOR DELETE
  USING (EXISTS (SELECT FROM portfolio_cases c WHERE c.id = case_id AND c.status = 'published'));

-- A copy is the copier's row; that a published case was copied (and how often) is public.
CREATE POLICY case_copy_read ON portfolio_case_copies FOR SELECT
  USING (municipality_id = app_current_municipality() OR EXISTS (
    SELECT FROM portfolio_cases c WHERE c.id = case_id AND c.status = 'published'));
CREATE POLICY case_copy_insert ON portfolio_case_copies FOR INSERT
  WITH CHECK (municipality_id = app_current_municipality());

GRANT SELECT, INSERT, UPDATE, DELETE ON portfolio_cases TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON portfolio_case_photos TO helppo_app;
GRANT SELECT, INSERT, DELETE ON portfolio_case_supports TO helppo_app;
GRANT SELECT, INSERT ON portfolio_case_copies TO helppo_app;
