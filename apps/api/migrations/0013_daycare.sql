-- Daycare (varhaiskasvatus, after eVaka): units and their groups, children's placements in
-- them, staff memberships, absences, and the municipality's daycare settings. Children and
-- guardianships are the platform's (0007): a child has one or more guardians, a guardian may
-- have several children, possibly in different units.
--
-- Later daycare features join these tables: messages go between a child's guardians and the
-- staff of the unit or group where the child is placed on the day; free-place alerts compare
-- a group's capacity with its placements; the fee preview reads placements by date range.

CREATE TABLE daycare_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address text NOT NULL DEFAULT '' CHECK (length(address) <= 300),
  phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 50),
  email text NOT NULL DEFAULT '' CHECK (length(email) <= 200),
  -- ISO weekdays (1 = Monday) when the unit is open; absences are recorded for these days only.
  operation_days integer[] NOT NULL DEFAULT '{1,2,3,4,5}'
    CHECK (cardinality(operation_days) BETWEEN 1 AND 7 AND operation_days <@ '{1,2,3,4,5,6,7}'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, name)
);

CREATE TABLE daycare_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- How many children the group takes (free-place alerts compare it with the placements).
  capacity integer NOT NULL DEFAULT 12 CHECK (capacity BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  UNIQUE (municipality_id, id),
  -- Placements and memberships name the unit and the group together, so a group of another
  -- unit cannot be given.
  UNIQUE (municipality_id, unit_id, id),
  UNIQUE (unit_id, name)
);

-- A child in a unit's group for a date range (both ends included; no end: until further
-- notice). A move to another group or unit ends one placement and starts the next.
CREATE TABLE daycare_placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  group_id uuid NOT NULL,
  start_date date NOT NULL,
  end_date date,
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date <= end_date),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id, group_id)
    REFERENCES daycare_groups (municipality_id, unit_id, id),
  UNIQUE (municipality_id, id),
  -- The guarantee: a child is in one place at a time.
  CONSTRAINT daycare_placements_no_overlap EXCLUDE USING gist (
    child_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
);
CREATE INDEX daycare_placements_group ON daycare_placements (group_id, start_date);
CREATE INDEX daycare_placements_unit ON daycare_placements (unit_id, start_date);

-- Who works where: the whole unit (group_id NULL: a director, staff shared by the groups) or
-- one group. A member of a unit sees all its groups; the group's own staff are the ones told
-- about its children's absences.
CREATE TABLE daycare_staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL,
  group_id uuid,
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id, group_id)
    REFERENCES daycare_groups (municipality_id, unit_id, id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (unit_id, person_id, group_id)
);
CREATE INDEX daycare_staff_person ON daycare_staff (person_id);
CREATE INDEX daycare_staff_group ON daycare_staff (group_id);

-- One row per child per day. A report of a date range writes a row for each of the child's
-- operation days and gives them one report_id, so the range is shown and cancelled together.
-- Cancelled rows stay (who cancelled and when); only one active absence per child and day.
CREATE TABLE daycare_absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  absence_date date NOT NULL,
  category text NOT NULL CHECK (category IN ('sick', 'other', 'holiday')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  report_id uuid NOT NULL,
  reported_by uuid NOT NULL REFERENCES people (id),
  reported_at timestamptz NOT NULL DEFAULT now(),
  cancelled_by uuid REFERENCES people (id),
  cancelled_at timestamptz,
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)),
  UNIQUE (municipality_id, id)
);
CREATE UNIQUE INDEX daycare_absences_child_day ON daycare_absences (child_id, absence_date)
  WHERE cancelled_at IS NULL;
CREATE INDEX daycare_absences_report ON daycare_absences (report_id);

-- Per municipality. The absence cut-off is Helsinki time: an absence for today can be reported
-- or cancelled until then; later ones are told to the group directly.
CREATE TABLE daycare_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities (id),
  absence_cutoff time NOT NULL DEFAULT '09:00',
  updated_by uuid REFERENCES people (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE daycare_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_placements ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_absences ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON daycare_units
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_groups
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_placements
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_staff
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_absences
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_settings
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON daycare_units TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON daycare_groups TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON daycare_placements TO helppo_app;
GRANT SELECT, INSERT, DELETE ON daycare_staff TO helppo_app;
-- Absences are cancelled, never deleted.
GRANT SELECT, INSERT, UPDATE ON daycare_absences TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON daycare_settings TO helppo_app;
