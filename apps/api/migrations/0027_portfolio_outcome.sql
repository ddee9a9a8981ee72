-- The end of an experiment and its public story (issue 5; plan in
-- src/modules/portfolio/MODEL.md, "Outcome"): the outcome and what was learned, once; every
-- journal post gets a kind, so the declaration and the celebration stand out on the public
-- feed of the municipality's journal.

ALTER TABLE portfolio_experiments
  ADD COLUMN outcome text CHECK (outcome IN ('adopted', 'changed', 'stopped')),
  ADD COLUMN lessons text NOT NULL DEFAULT '' CHECK (length(lessons) <= 4000),
  ADD COLUMN outcome_summary text NOT NULL DEFAULT '' CHECK (length(outcome_summary) <= 2000),
  ADD COLUMN finished_at timestamptz,
  ADD COLUMN finished_by uuid REFERENCES people (id),
  -- Finished means all of it: an outcome, when, and something learned.
  ADD CONSTRAINT portfolio_experiments_finished CHECK (
    (outcome IS NULL AND finished_at IS NULL)
    OR (outcome IS NOT NULL AND finished_at IS NOT NULL AND length(btrim(lessons)) > 0));

-- post: written in the journal; declaration: the 24 h declaration, the experiment's first
-- public post; celebration: written when the experiment is adopted or changed and continued.
ALTER TABLE portfolio_journal_posts
  ADD COLUMN kind text NOT NULL DEFAULT 'post'
    CHECK (kind IN ('post', 'declaration', 'celebration'));
UPDATE portfolio_journal_posts SET kind = 'celebration' WHERE celebration;
ALTER TABLE portfolio_journal_posts DROP COLUMN celebration;
-- One declaration and one celebration per experiment, and both are public.
CREATE UNIQUE INDEX portfolio_journal_posts_once ON portfolio_journal_posts (idea_id, kind)
  WHERE kind <> 'post';
ALTER TABLE portfolio_journal_posts
  ADD CONSTRAINT portfolio_journal_posts_public_kinds
    CHECK (kind = 'post' OR visibility = 'public');
-- The public feed: a municipality's public posts, newest first.
CREATE INDEX portfolio_journal_posts_feed ON portfolio_journal_posts
  (municipality_id, created_at DESC) WHERE visibility = 'public';

-- Experiments declared before this migration: their declaration becomes their first public
-- post, written by the owner (or, without one, the submitter) at the time it was declared.
INSERT INTO portfolio_journal_posts
  (municipality_id, idea_id, author_id, body, visibility, kind, created_at)
SELECT e.municipality_id, e.idea_id, coalesce(i.owner_id, i.submitted_by), btrim(e.declaration),
  'public', 'declaration', e.declared_at
FROM portfolio_experiments e
JOIN portfolio_ideas i ON i.id = e.idea_id
WHERE e.declared_at IS NOT NULL AND length(btrim(e.declaration)) > 0
  AND coalesce(i.owner_id, i.submitted_by) IS NOT NULL;
