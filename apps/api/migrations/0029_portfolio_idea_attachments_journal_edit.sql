-- Idea attachments (issue 5: "title, the problem, the proposal, ... attachments/images"):
-- images, re-encoded on upload by cases.photos.ts (JPEG, at most 1600 px, no metadata), each
-- with the text alternative its submitter gives, and PDF files stored as sent once their first
-- bytes say PDF. They are written in the same transaction as the idea; a refused file leaves
-- no idea behind. A hidden idea's files are the digital team's only (the service's rule).
-- A merge leaves them with the duplicate, whose page still shows them (MODEL.md).
CREATE TABLE portfolio_idea_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 4),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'application/pdf')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  data bytea NOT NULL CHECK (length(data) = size_bytes),
  -- Images only: their size for the page's layout and the submitter's text alternative.
  width integer CHECK (width > 0),
  height integer CHECK (height > 0),
  alt_text text CHECK (length(btrim(alt_text)) BETWEEN 1 AND 300),
  CHECK ((content_type = 'image/jpeg') = (width IS NOT NULL AND height IS NOT NULL AND alt_text IS NOT NULL)),
  uploaded_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id),
  UNIQUE (idea_id, position)
);

ALTER TABLE portfolio_idea_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portfolio_idea_attachments
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- DELETE: the digital team removes a file as moderation (audited), the idea stays.
GRANT SELECT, INSERT, DELETE ON portfolio_idea_attachments TO helppo_app;

-- Journal posts are edited and deleted by their author or the digital team (audited).
ALTER TABLE portfolio_journal_posts ADD COLUMN edited_at timestamptz;
GRANT UPDATE (body, video_url, visibility, edited_at) ON portfolio_journal_posts TO helppo_app;
GRANT DELETE ON portfolio_journal_posts TO helppo_app;
GRANT DELETE ON portfolio_journal_photos TO helppo_app;
