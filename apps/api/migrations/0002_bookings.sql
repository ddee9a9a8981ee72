-- Bookings, slice 1: bookable resources (facilities), their opening hours and exceptions,
-- and reservations that can never overlap.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('sports_hall', 'gym', 'meeting_room', 'sauna', 'field',
    'music_room', 'other')),
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  description_fi text NOT NULL DEFAULT '',
  description_sv text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  capacity integer NOT NULL CHECK (capacity > 0),
  accessible boolean NOT NULL DEFAULT false,
  -- A self-service facility is opened with a door PIN instead of staff.
  self_service boolean NOT NULL DEFAULT false,
  booking_mode text NOT NULL DEFAULT 'instant' CHECK (booking_mode IN ('instant', 'approval')),
  slot_min_minutes integer NOT NULL DEFAULT 60 CHECK (slot_min_minutes BETWEEN 15 AND 1440),
  slot_max_minutes integer NOT NULL DEFAULT 180 CHECK (slot_max_minutes BETWEEN 15 AND 1440),
  -- Bookings start at multiples of this many minutes from midnight (local time).
  slot_step_minutes integer NOT NULL DEFAULT 30 CHECK (slot_step_minutes IN (15, 30, 60)),
  book_ahead_days integer NOT NULL DEFAULT 90 CHECK (book_ahead_days BETWEEN 1 AND 730),
  -- Time kept free after every booking (cleaning, changeover).
  buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (slot_min_minutes <= slot_max_minutes),
  UNIQUE (municipality_id, id)
);
CREATE INDEX resources_municipality ON resources (municipality_id) WHERE active;

-- Regular weekly hours, in the municipality's local time (Europe/Helsinki).
CREATE TABLE opening_hours (
  municipality_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
  opens time NOT NULL,
  closes time NOT NULL,
  PRIMARY KEY (resource_id, weekday, opens),
  FOREIGN KEY (municipality_id, resource_id) REFERENCES resources (municipality_id, id) ON DELETE CASCADE,
  CHECK (opens < closes OR closes = '00:00')
);

-- A day with other hours than usual (public holiday, closure). A row with opens NULL closes
-- the resource for the whole day; rows with hours replace the weekday's hours.
CREATE TABLE opening_exceptions (
  municipality_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  day date NOT NULL,
  opens time,
  closes time,
  reason text NOT NULL DEFAULT '',
  FOREIGN KEY (municipality_id, resource_id) REFERENCES resources (municipality_id, id) ON DELETE CASCADE,
  CHECK ((opens IS NULL) = (closes IS NULL)),
  CHECK (opens IS NULL OR opens < closes OR closes = '00:00')
);
CREATE UNIQUE INDEX opening_exceptions_day ON opening_exceptions (resource_id, day, coalesce(opens, '00:00'));

CREATE TABLE reservations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  -- A booking is made by a person; a block (maintenance, the municipality's own use) by staff.
  kind text NOT NULL DEFAULT 'booking' CHECK (kind IN ('booking', 'block')),
  person_id uuid REFERENCES people (id),
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  -- The time the resource is taken: the booking plus the buffer after it.
  blocks tstzrange NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'denied', 'cancelled')),
  purpose text NOT NULL DEFAULT '',
  attendees integer CHECK (attendees > 0),
  decision_reason text,
  decided_by uuid REFERENCES people (id),
  cancel_reason text,
  -- Weekly recurring bookings made together share a series id.
  series_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  FOREIGN KEY (municipality_id, resource_id) REFERENCES resources (municipality_id, id),
  CHECK (blocks @> during),
  CHECK (kind = 'block' OR person_id IS NOT NULL),
  -- The guarantee: two active reservations of a resource never overlap, however many
  -- requests race. Decided by the database, not by a check before the insert.
  CONSTRAINT reservations_no_overlap EXCLUDE USING gist (resource_id WITH =, blocks WITH &&)
    WHERE (status IN ('requested', 'confirmed'))
);
CREATE INDEX reservations_person ON reservations (municipality_id, person_id, lower(during));
CREATE INDEX reservations_series ON reservations (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX reservations_status ON reservations (municipality_id, status) WHERE status = 'requested';

/**
 * The opening intervals of a resource between two dates (inclusive), as timestamptz ranges:
 * the weekday hours, or that day's exception rows where there are any.
 */
CREATE FUNCTION resource_open_intervals(p_resource uuid, p_from date, p_to date)
  RETURNS TABLE (opens_at timestamptz, closes_at timestamptz)
  LANGUAGE sql STABLE
AS $$
  SELECT (d.day + h.opens) AT TIME ZONE 'Europe/Helsinki',
         (d.day + h.closes + CASE WHEN h.closes = '00:00' THEN interval '1 day' ELSE interval '0' END)
           AT TIME ZONE 'Europe/Helsinki'
  FROM generate_series(p_from::timestamp, p_to::timestamp, interval '1 day') AS d(day)
  JOIN opening_hours h ON h.resource_id = p_resource AND h.weekday = extract(isodow FROM d.day)
  WHERE NOT EXISTS (
    SELECT 1 FROM opening_exceptions e WHERE e.resource_id = p_resource AND e.day = d.day::date)
  UNION ALL
  SELECT (e.day + e.opens) AT TIME ZONE 'Europe/Helsinki',
         (e.day + e.closes + CASE WHEN e.closes = '00:00' THEN interval '1 day' ELSE interval '0' END)
           AT TIME ZONE 'Europe/Helsinki'
  FROM opening_exceptions e
  WHERE e.resource_id = p_resource AND e.day BETWEEN p_from AND p_to AND e.opens IS NOT NULL
  ORDER BY 1
$$;

ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE opening_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE opening_exceptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resources
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON opening_hours
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON opening_exceptions
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON reservations
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

GRANT SELECT, INSERT, UPDATE ON resources TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON opening_hours TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON opening_exceptions TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON reservations TO helppo_app;
