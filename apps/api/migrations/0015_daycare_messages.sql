-- Daycare messages (after eVaka): threads with replies between the guardians of children and
-- the staff of the children's groups and units. Recipients are resolved when a thread is sent
-- (the placements of that day) and become participants; only participants see a thread.
--
-- Unread badges are counters, not counts: thread_participants.unread_count per person and
-- thread, message_unread_totals.unread per person, both changed in the transaction that adds
-- the message or the read mark, so the badge is one primary-key read however many messages
-- exist. The CHECKs keep them from going negative; the tests compare them with a recount.
--
-- Later slices join these tables: attachments (message_id), Web Push subscriptions and
-- per-topic preferences (person_id, kind/urgent), without changing them.

CREATE TABLE message_threads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  -- bulletin: one way, recipients cannot reply; message: two way.
  kind text NOT NULL CHECK (kind IN ('bulletin', 'message')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  urgent boolean NOT NULL DEFAULT false,
  requires_ack boolean NOT NULL DEFAULT false,
  -- Whom the thread went to: one child's guardians, a group, a unit, or every unit.
  scope text NOT NULL CHECK (scope IN ('child', 'group', 'unit', 'municipality')),
  unit_id uuid,
  group_id uuid,
  child_id uuid,
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'municipality') = (unit_id IS NULL)),
  CHECK (scope <> 'child' OR child_id IS NOT NULL),
  CHECK (scope NOT IN ('child', 'group') OR group_id IS NOT NULL),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES daycare_units (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id, group_id)
    REFERENCES daycare_groups (municipality_id, unit_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children (municipality_id, id),
  UNIQUE (municipality_id, id)
);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  thread_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES people (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, thread_id) REFERENCES message_threads (municipality_id, id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX messages_thread ON messages (thread_id, created_at);

CREATE TABLE thread_participants (
  municipality_id uuid NOT NULL,
  thread_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('guardian', 'staff')),
  unread_count integer NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
  last_read_at timestamptz,
  archived_at timestamptz,
  acknowledged_at timestamptz,
  reminded_at timestamptz,
  PRIMARY KEY (thread_id, person_id),
  FOREIGN KEY (municipality_id, thread_id) REFERENCES message_threads (municipality_id, id)
);
CREATE INDEX thread_participants_person ON thread_participants (person_id, thread_id);

CREATE TABLE message_unread_totals (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  unread integer NOT NULL DEFAULT 0 CHECK (unread >= 0),
  PRIMARY KEY (person_id, municipality_id)
);

ALTER TABLE message_threads ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE thread_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_unread_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_threads
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON messages
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON thread_participants
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON message_unread_totals
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- Messages are never edited or deleted.
GRANT SELECT, INSERT, UPDATE ON message_threads TO helppo_app;
GRANT SELECT, INSERT ON messages TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON thread_participants TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON message_unread_totals TO helppo_app;
