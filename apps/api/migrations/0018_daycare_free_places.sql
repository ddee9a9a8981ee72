-- Free-place alerts (eVaka has none): a resident subscribes to a unit and an age group; when
-- the unit's staff record free places for that age group, every subscriber is told at once.
--
-- Age groups are a fixed list, not data: they follow the law on early childhood education
-- (under 3-year-olds count double in the staff ratio, 3–5-year-olds, and the pre-school year),
-- so a municipality has no reason to define its own, and the UI can name them in three
-- languages.

CREATE TABLE daycare_free_place_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL,
  age_group text NOT NULL CHECK (age_group IN ('under3', 'age3to5', 'preschool')),
  -- The capability in every alert's link: whoever opens it stops this subscription (and can
  -- take the stop back), without logging in. Random, 32 bytes as base64url.
  unsubscribe_token text NOT NULL UNIQUE CHECK (length(unsubscribe_token) = 43),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  UNIQUE (municipality_id, id)
);
-- One live subscription per person, unit and age group; ended ones stay for the undo link.
CREATE UNIQUE INDEX daycare_free_place_subscriptions_live
  ON daycare_free_place_subscriptions (person_id, unit_id, age_group) WHERE ended_at IS NULL;
CREATE INDEX daycare_free_place_subscriptions_unit
  ON daycare_free_place_subscriptions (unit_id, age_group) WHERE ended_at IS NULL;

-- Free places a unit's staff record: from a date, for an age group, until they end the record.
CREATE TABLE daycare_free_places (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  age_group text NOT NULL CHECK (age_group IN ('under3', 'age3to5', 'preschool')),
  from_date date NOT NULL,
  places integer NOT NULL CHECK (places BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  -- How many subscribers were told when the record was made.
  notified integer NOT NULL DEFAULT 0 CHECK (notified >= 0),
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_by uuid REFERENCES people (id),
  ended_at timestamptz,
  CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX daycare_free_places_current ON daycare_free_places (unit_id) WHERE ended_at IS NULL;

ALTER TABLE daycare_free_place_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_free_places ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON daycare_free_place_subscriptions
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_free_places
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- Subscriptions end and records are ended; neither is deleted.
GRANT SELECT, INSERT, UPDATE ON daycare_free_place_subscriptions TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON daycare_free_places TO helppo_app;
