-- The experiment journal (issue 5; plan in src/modules/portfolio/MODEL.md): short posts by
-- the experiment's owner or the digital team, public (anyone reads them on the idea page) or
-- internal (the team and the owner), with an optional video link and resized photos.
CREATE TABLE portfolio_journal_posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES people (id),
  body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
  -- Only http(s) links: a javascript: URL must never become a link on the idea page.
  video_url text CHECK (video_url ~ '^https?://' AND length(video_url) <= 500),
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  -- The finishing post (outcome) later; false for every post written in the journal.
  celebration boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, idea_id)
    REFERENCES portfolio_experiments (municipality_id, idea_id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX portfolio_journal_posts_idea ON portfolio_journal_posts (idea_id, created_at DESC);

-- Photos, re-encoded on upload by cases.photos.ts (JPEG, at most 1600 px, no metadata).
CREATE TABLE portfolio_journal_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  post_id uuid NOT NULL,
  data bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 2097152),
  mime text NOT NULL CHECK (mime IN ('image/jpeg')),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  alt_text text NOT NULL CHECK (length(btrim(alt_text)) BETWEEN 1 AND 300),
  position integer NOT NULL DEFAULT 0,
  FOREIGN KEY (municipality_id, post_id)
    REFERENCES portfolio_journal_posts (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX portfolio_journal_photos_post ON portfolio_journal_photos (post_id, position);

ALTER TABLE portfolio_journal_posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_journal_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portfolio_journal_posts
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_journal_photos
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
-- Posts are a record: no UPDATE or DELETE for the application yet.
GRANT SELECT, INSERT ON portfolio_journal_posts TO helppo_app;
GRANT SELECT, INSERT ON portfolio_journal_photos TO helppo_app;
