-- Closing gaps of bookings and the shop: a course cancelled as a whole, the lifecycle of doors,
-- and terms of use per facility that the booker accepts.

-- A course that staff cancelled: it takes no registrations, and the reason is what the
-- guardians were told. Kept (not archived) so that the course page says what happened.
ALTER TABLE courses
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancel_reason text CHECK (length(cancel_reason) <= 1000),
  ADD COLUMN cancelled_by uuid REFERENCES people (id),
  ADD CONSTRAINT courses_cancel_reason CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL));

-- When a door was last taken out of use (doors.active false): its grants were asked to be
-- removed then, and it gets no new ones until staff take it back into use.
ALTER TABLE doors ADD COLUMN deactivated_at timestamptz;

-- The terms of use of a facility, versioned: staff never edit a version in place, a change
-- is a new version, so the version a booker accepted still says what they accepted. The
-- newest version is in force; one whose texts are all empty means the facility has no terms.
CREATE TABLE resource_terms (
  municipality_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  text_fi text NOT NULL DEFAULT '' CHECK (length(text_fi) <= 8000),
  text_sv text NOT NULL DEFAULT '' CHECK (length(text_sv) <= 8000),
  text_en text NOT NULL DEFAULT '' CHECK (length(text_en) <= 8000),
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, version),
  FOREIGN KEY (municipality_id, resource_id) REFERENCES resources (municipality_id, id)
);

-- The terms version the booker accepted (NULL: the facility had no terms, or staff booked).
ALTER TABLE reservations
  ADD COLUMN terms_version integer,
  ADD CONSTRAINT reservations_terms FOREIGN KEY (resource_id, terms_version)
    REFERENCES resource_terms (resource_id, version);

ALTER TABLE resource_terms ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource_terms
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- No UPDATE or DELETE: an accepted version must stay as it was.
GRANT SELECT, INSERT ON resource_terms TO helppo_app;
