-- Attachments of daycare messages (images and PDF), stored with the message in the database so
-- that they share its transaction, its backups and its tenant isolation. A message and its
-- attachments are written in one transaction: a file that fails the checks leaves nothing.
-- The service checks the type by the file's first bytes and the limits (at most 5 files, each
-- at most 10 MB, 20 MB together); the CHECKs below are the last line.
CREATE TABLE message_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  message_id uuid NOT NULL,
  -- The thread, so that access (a participant of the thread) is one lookup.
  thread_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 4),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL
    CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  data bytea NOT NULL CHECK (length(data) = size_bytes),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, message_id) REFERENCES messages (municipality_id, id),
  FOREIGN KEY (municipality_id, thread_id) REFERENCES message_threads (municipality_id, id),
  UNIQUE (message_id, position)
);
CREATE INDEX message_attachments_thread ON message_attachments (thread_id);

ALTER TABLE message_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_attachments
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- Like messages, attachments are never edited or deleted.
GRANT SELECT, INSERT ON message_attachments TO helppo_app;

-- Staff of a child's group record absences too (a phone call in the morning, a child sent
-- home sick). The guardians see that the daycare recorded it; the row is otherwise the same.
ALTER TABLE daycare_absences ADD COLUMN reported_by_staff boolean NOT NULL DEFAULT false;
