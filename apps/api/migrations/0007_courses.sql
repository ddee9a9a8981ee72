-- Courses (swimming schools, crafts, sports clubs' courses) with sessions and seats, registration
-- of children that opens at a fixed time, first come or through a fair queue, holds that are
-- paid in the cart or released to the waitlist.

-- The children a guardian registers (in production these come from the population register
-- through Suomi.fi; here the guardian adds them). Shared by later family services.
CREATE TABLE children (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  birth_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id)
);

CREATE TABLE guardianships (
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  PRIMARY KEY (child_id, person_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX guardianships_person ON guardianships (person_id);

CREATE TABLE courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  description_fi text NOT NULL DEFAULT '',
  description_sv text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  -- Ages in full years on the day of the first session.
  age_min integer NOT NULL DEFAULT 0 CHECK (age_min BETWEEN 0 AND 120),
  age_max integer NOT NULL DEFAULT 120 CHECK (age_max BETWEEN 0 AND 120),
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 100000),
  -- The course_fee product whose price (per customer group) is the fee of one child; NULL: free.
  price_product_id uuid,
  registration_opens_at timestamptz NOT NULL,
  registration_closes_at timestamptz NOT NULL,
  -- first_come: served in arrival order from the opening. fair_queue: a waiting room before
  -- the opening; at the opening everyone in it gets a random place, later comers join the end,
  -- and the queue is admitted at admit_per_minute.
  registration_mode text NOT NULL DEFAULT 'first_come'
    CHECK (registration_mode IN ('first_come', 'fair_queue')),
  admit_per_minute integer NOT NULL DEFAULT 200 CHECK (admit_per_minute BETWEEN 1 AND 100000),
  -- How long an admitted person may register, and how long a seat is held for payment.
  admission_minutes integer NOT NULL DEFAULT 15 CHECK (admission_minutes BETWEEN 1 AND 1440),
  hold_minutes integer NOT NULL DEFAULT 15 CHECK (hold_minutes BETWEEN 1 AND 10080),
  waitlist boolean NOT NULL DEFAULT true,
  -- How long a seat offered from the waitlist waits for the guardian's acceptance.
  offer_hours integer NOT NULL DEFAULT 48 CHECK (offer_hours BETWEEN 1 AND 720),
  -- A paid seat cancelled at least this many hours before the first session is refunded.
  cancel_free_hours integer NOT NULL DEFAULT 168 CHECK (cancel_free_hours BETWEEN 0 AND 8760),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_min <= age_max),
  CHECK (registration_opens_at < registration_closes_at),
  FOREIGN KEY (municipality_id, price_product_id) REFERENCES products (municipality_id, id),
  UNIQUE (municipality_id, id)
);

CREATE TABLE course_sessions (
  municipality_id uuid NOT NULL,
  course_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  PRIMARY KEY (course_id, starts_at),
  FOREIGN KEY (municipality_id, course_id) REFERENCES courses (municipality_id, id) ON DELETE CASCADE,
  CHECK (starts_at < ends_at)
);

CREATE TABLE course_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  course_id uuid NOT NULL,
  child_id uuid NOT NULL,
  -- The guardian who registered (and pays).
  person_id uuid NOT NULL REFERENCES people (id),
  -- held: has a seat, waiting for payment until held_until; confirmed: has a seat;
  -- waitlisted: waiting for a seat; offered: a freed seat waits for acceptance until
  -- offered_until; cancelled / expired: gone.
  status text NOT NULL CHECK (status IN ('held', 'confirmed', 'waitlisted', 'offered',
    'cancelled', 'expired')),
  held_until timestamptz,
  offered_until timestamptz,
  price_cents integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  vat_rate_bp integer NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  FOREIGN KEY (municipality_id, course_id) REFERENCES courses (municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id),
  CHECK ((status = 'held') = (held_until IS NOT NULL)),
  CHECK ((status = 'offered') = (offered_until IS NOT NULL)),
  UNIQUE (municipality_id, id)
);
-- The guarantee: a child is registered for a course at most once at a time.
CREATE UNIQUE INDEX course_registrations_child_once ON course_registrations (course_id, child_id)
  WHERE status IN ('held', 'confirmed', 'waitlisted', 'offered');
CREATE INDEX course_registrations_waitlist ON course_registrations (course_id, created_at)
  WHERE status = 'waitlisted';
CREATE INDEX course_registrations_person ON course_registrations (person_id);

-- The seats, one row each. A registration takes a free row (FOR UPDATE SKIP LOCKED), so
-- concurrent registrations spread over the rows instead of queueing on one counter; a course
-- can never have more held, offered or confirmed seats than rows.
CREATE TABLE course_seats (
  municipality_id uuid NOT NULL,
  course_id uuid NOT NULL,
  seat_no integer NOT NULL,
  registration_id uuid UNIQUE,
  PRIMARY KEY (course_id, seat_no),
  FOREIGN KEY (municipality_id, course_id) REFERENCES courses (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, registration_id) REFERENCES course_registrations (municipality_id, id)
);
CREATE INDEX course_seats_free ON course_seats (course_id, seat_no) WHERE registration_id IS NULL;

-- The waiting room of a fair-queue course.
CREATE TABLE course_queue (
  municipality_id uuid NOT NULL,
  course_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  -- NULL until the opening draws the places of those who came before it.
  position bigint,
  PRIMARY KEY (course_id, person_id),
  FOREIGN KEY (municipality_id, course_id) REFERENCES courses (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX course_queue_position ON course_queue (course_id, position);
-- Places of those who join after the opening: after every drawn place, in arrival order.
CREATE SEQUENCE course_queue_late START 1000000000;

-- An order line is a product, a booking, or a course seat.
ALTER TABLE order_lines
  ADD COLUMN registration_id uuid,
  ADD FOREIGN KEY (municipality_id, registration_id)
    REFERENCES course_registrations (municipality_id, id),
  DROP CONSTRAINT order_lines_one_item,
  ADD CONSTRAINT order_lines_one_item
    CHECK (num_nonnulls(product_id, reservation_id, registration_id) = 1),
  ADD CONSTRAINT order_lines_registration_once UNIQUE (registration_id);
ALTER TABLE refunds
  ADD COLUMN registration_id uuid,
  ADD FOREIGN KEY (municipality_id, registration_id)
    REFERENCES course_registrations (municipality_id, id);
CREATE UNIQUE INDEX refunds_registration_once ON refunds (registration_id)
  WHERE registration_id IS NOT NULL;

ALTER TABLE children ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardianships ENABLE ROW LEVEL SECURITY;
ALTER TABLE courses ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_seats ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_queue ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON children
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON guardianships
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON courses
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON course_sessions
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON course_registrations
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON course_seats
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON course_queue
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON children TO helppo_app;
GRANT SELECT, INSERT, DELETE ON guardianships TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON courses TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON course_sessions TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON course_registrations TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON course_seats TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON course_queue TO helppo_app;
GRANT USAGE ON SEQUENCE course_queue_late TO helppo_app;
