-- Daycare fees (varhaiskasvatusmaksu, laki varhaiskasvatuksen asiakasmaksuista 1503/2016):
-- the fee parameter sets by period, the families' income statements with their attachments,
-- and the finance role that handles the statements.
--
-- Money is integer cents, percentages basis points (10,7 % = 1070).

ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check CHECK (role IN ('resident',
  'guardian', 'staff', 'daycare_staff', 'facility_admin', 'digital_team', 'admin', 'finance'));

-- A parameter set is valid from its day until the day before the next set starts. Rows with
-- no municipality are the national sets this migration ships (readable by every municipality,
-- written by none); a municipality's administrator saves the municipality's own set for a
-- period, which replaces the national one of the same start day (a municipality may charge
-- less, and enters limits published after a release).
CREATE TABLE daycare_fee_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid REFERENCES municipalities (id),
  valid_from date NOT NULL,
  -- The highest fee of the youngest child in full-time care, and the smallest fee charged
  -- (a fee below it is not charged at all).
  max_fee_cents integer NOT NULL CHECK (max_fee_cents BETWEEN 0 AND 10000000),
  min_fee_cents integer NOT NULL CHECK (min_fee_cents BETWEEN 0 AND 10000000),
  -- Of the income above the limit (10,7 %).
  income_bp integer NOT NULL CHECK (income_bp BETWEEN 0 AND 10000),
  -- Of the youngest child's full fee: the second youngest (40 %), each further child (20 %).
  second_child_bp integer NOT NULL CHECK (second_child_bp BETWEEN 0 AND 10000),
  further_child_bp integer NOT NULL CHECK (further_child_bp BETWEEN 0 AND 10000),
  -- The published cap of the second child's fee (null: none beyond the percentage).
  second_child_max_cents integer CHECK (second_child_max_cents BETWEEN 0 AND 10000000),
  -- Monthly income limits of families of 2, 3, 4, 5 and 6 people; null until published.
  income_limits_cents integer[]
    CHECK (income_limits_cents IS NULL OR (cardinality(income_limits_cents) = 5
      AND 0 <= ALL (income_limits_cents))),
  -- Added to the limit of a family of six for each further person; null until published.
  increment_cents integer CHECK (increment_cents BETWEEN 0 AND 10000000),
  updated_by uuid REFERENCES people (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((income_limits_cents IS NULL) = (increment_cents IS NULL)),
  UNIQUE NULLS NOT DISTINCT (municipality_id, valid_from)
);

-- National sets. Sources (read 2026-11): masku.fi "Varhaiskasvatuksen asiakasmaksut muuttuvat
-- 1.8.2024 alkaen" (maximum 311 €, second child at most 40 % = 124 €, minimum 30 €, limits
-- 4 066 / 5 245 / 5 956 / 6 667 / 7 376 €, +275 € for each further person; the 262 € of the
-- brief is the figure of 1.3.2023–31.7.2024, alavus.fi). 1.8.2026: maximum 335 €, second child
-- at most 134 €, minimum 32 €; the income limits are entered by the administrator once published.
INSERT INTO daycare_fee_periods (municipality_id, valid_from, max_fee_cents, min_fee_cents,
  income_bp, second_child_bp, further_child_bp, second_child_max_cents, income_limits_cents,
  increment_cents)
VALUES
  (NULL, '2024-08-01', 31100, 3000, 1070, 4000, 2000, 12400,
    '{406600,524500,595600,666700,737600}', 27500),
  (NULL, '2026-08-01', 33500, 3200, 1070, 4000, 2000, 13400, NULL, NULL);

-- A family's income statement: the gross monthly income of the household's one or two adults
-- with a proof (PDF, JPEG or PNG, at most 5 MB), or the family's acceptance of the highest
-- fee. Seen by the guardians of the submitter's children and by the finance staff, who mark
-- it handled.
CREATE TABLE daycare_income_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  submitted_by uuid NOT NULL REFERENCES people (id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  accepts_highest_fee boolean NOT NULL,
  -- One figure per adult of the household; empty when the highest fee is accepted.
  incomes_cents integer[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(incomes_cents) <= 2 AND 0 <= ALL (incomes_cents)),
  attachment_name text CHECK (length(attachment_name) BETWEEN 1 AND 200),
  attachment_type text CHECK (attachment_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  attachment bytea CHECK (octet_length(attachment) BETWEEN 1 AND 5242880),
  handled_by uuid REFERENCES people (id),
  handled_at timestamptz,
  CHECK (accepts_highest_fee = (cardinality(incomes_cents) = 0)),
  CHECK (accepts_highest_fee OR attachment IS NOT NULL),
  CHECK ((attachment IS NULL) = (attachment_type IS NULL)
    AND (attachment IS NULL) = (attachment_name IS NULL)),
  CHECK ((handled_at IS NULL) = (handled_by IS NULL))
);
CREATE INDEX daycare_income_statements_submitter
  ON daycare_income_statements (submitted_by, submitted_at);
CREATE INDEX daycare_income_statements_open
  ON daycare_income_statements (municipality_id, submitted_at) WHERE handled_at IS NULL;

ALTER TABLE daycare_fee_periods ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_income_statements ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON daycare_fee_periods
  USING (municipality_id IS NULL OR municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_income_statements
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON daycare_fee_periods TO helppo_app;
-- Statements are marked handled, never changed otherwise or deleted.
GRANT SELECT, INSERT, UPDATE ON daycare_income_statements TO helppo_app;
