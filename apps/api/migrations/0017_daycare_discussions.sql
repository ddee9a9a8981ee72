-- Discussion times (VASU and others) and daycare events.
--
-- Staff of a unit publish a survey for the children of a group (all of them or chosen ones),
-- with time slots held by staff members; the guardians book one slot per child until the
-- booking deadline. The database holds the two rules whatever the concurrency: an active
-- booking per slot and an active booking per child and survey (partial unique indexes, so a
-- cancelled booking stays as history and the slot can be booked again).
--
-- Events are the unit's or a group's happenings (a trip, a parents' evening) shown in the
-- guardians' calendar and in their private calendar feed (0003) beside the discussion times
-- and absences.

CREATE TABLE discussion_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  unit_id uuid NOT NULL,
  -- The group whose children the survey concerns (the children themselves are listed below).
  group_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  -- Helsinki date: guardians book, change and cancel until the end of this day.
  booking_deadline date NOT NULL,
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  FOREIGN KEY (municipality_id, unit_id, group_id)
    REFERENCES daycare_groups (municipality_id, unit_id, id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX discussion_surveys_unit ON discussion_surveys (unit_id, created_at);

CREATE TABLE discussion_survey_children (
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  child_id uuid NOT NULL,
  PRIMARY KEY (survey_id, child_id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES discussion_surveys (municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id)
);
CREATE INDEX discussion_survey_children_child ON discussion_survey_children (child_id);

CREATE TABLE discussion_slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- The staff member holding the discussion.
  staff_id uuid NOT NULL REFERENCES people (id),
  -- A room, or "video call" and how to join.
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES people (id),
  CHECK (starts_at < ends_at AND ends_at - starts_at <= interval '8 hours'),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES discussion_surveys (municipality_id, id),
  UNIQUE (survey_id, id),
  -- A staff member holds one discussion at a time (across surveys).
  CONSTRAINT discussion_slots_staff_overlap EXCLUDE USING gist (
    staff_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (cancelled_at IS NULL)
);
CREATE INDEX discussion_slots_survey ON discussion_slots (survey_id, starts_at);

CREATE TABLE discussion_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  slot_id uuid NOT NULL,
  child_id uuid NOT NULL,
  booked_by uuid NOT NULL REFERENCES people (id),
  booked_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES people (id),
  -- When the reminder of the day before went out (the job sends it once).
  reminded_at timestamptz,
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)),
  FOREIGN KEY (survey_id, slot_id) REFERENCES discussion_slots (survey_id, id),
  FOREIGN KEY (survey_id, child_id) REFERENCES discussion_survey_children (survey_id, child_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id)
);
-- The guarantees: a slot holds at most one booking, a child at most one per survey.
CREATE UNIQUE INDEX discussion_bookings_slot ON discussion_bookings (slot_id)
  WHERE cancelled_at IS NULL;
CREATE UNIQUE INDEX discussion_bookings_child ON discussion_bookings (survey_id, child_id)
  WHERE cancelled_at IS NULL;
CREATE INDEX discussion_bookings_child_id ON discussion_bookings (child_id);

CREATE TABLE daycare_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  -- NULL: the whole unit.
  group_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  start_date date NOT NULL,
  end_date date NOT NULL,
  -- Optional Helsinki times; without them the event lasts whole days.
  start_time time,
  end_time time,
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  CHECK (start_date <= end_date AND end_date - start_date <= 366),
  CHECK ((start_time IS NULL) = (end_time IS NULL)),
  CHECK (start_time IS NULL OR start_date < end_date OR start_time < end_time),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id, group_id)
    REFERENCES daycare_groups (municipality_id, unit_id, id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX daycare_events_unit ON daycare_events (unit_id, start_date);

ALTER TABLE discussion_surveys ENABLE ROW LEVEL SECURITY;
ALTER TABLE discussion_survey_children ENABLE ROW LEVEL SECURITY;
ALTER TABLE discussion_slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE discussion_bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE daycare_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON discussion_surveys
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON discussion_survey_children
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON discussion_slots
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON discussion_bookings
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON daycare_events
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- Surveys, slots, bookings and events are cancelled, never deleted.
GRANT SELECT, INSERT, UPDATE ON discussion_surveys TO helppo_app;
GRANT SELECT, INSERT ON discussion_survey_children TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON discussion_slots TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON discussion_bookings TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON daycare_events TO helppo_app;
