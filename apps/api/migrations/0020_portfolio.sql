-- The innovation and experiment portfolio (issue 5; the plan is in
-- src/modules/portfolio/MODEL.md): ideas and their comments, supports, followers and
-- history; the municipality's stages and decision criteria; decision rounds with scores and
-- decisions. An idea is the portfolio item for its whole life: experiments, journals and case
-- cards (later migrations) hang off it.

-- A municipality's own pipeline. Without rows the default pipeline of the code applies.
CREATE TABLE portfolio_stages (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  position integer NOT NULL,
  -- An end stage (adopted, shelved, stopped): items there are out of the running pipeline.
  closed boolean NOT NULL DEFAULT false,
  name_fi text NOT NULL CHECK (length(name_fi) BETWEEN 1 AND 80),
  name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 80),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
  -- What an item must have before it may enter the stage: owner, timebox, goal, results.
  required_fields text[] NOT NULL DEFAULT '{}'
    CHECK (required_fields <@ '{owner,timebox,goal,results}'),
  PRIMARY KEY (municipality_id, key),
  UNIQUE (municipality_id, position)
);

CREATE TABLE portfolio_ideas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  problem text NOT NULL CHECK (length(problem) BETWEEN 1 AND 5000),
  proposal text NOT NULL CHECK (length(proposal) BETWEEN 1 AND 5000),
  target_groups text[] NOT NULL DEFAULT '{}' CHECK (cardinality(target_groups) <= 20),
  departments text[] NOT NULL DEFAULT '{}' CHECK (cardinality(departments) <= 20),
  themes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(themes) <= 20),
  submitted_by uuid REFERENCES people (id),
  submitted_as text NOT NULL CHECK (submitted_as IN ('resident', 'staff')),
  stage text NOT NULL DEFAULT 'idea',
  stage_changed_at timestamptz NOT NULL DEFAULT now(),
  owner_id uuid REFERENCES people (id),
  -- The experiment's length chosen at the decision: 21 days (small) or 105 (project-like).
  timebox_days integer CHECK (timebox_days IN (21, 105)),
  goal text NOT NULL DEFAULT '' CHECK (length(goal) <= 2000),
  results text NOT NULL DEFAULT '' CHECK (length(results) <= 5000),
  -- Hidden by the digital team; the reason is shown publicly in place of the idea.
  hidden_at timestamptz,
  hidden_reason text CHECK (length(hidden_reason) <= 500),
  -- A duplicate merged into another idea: its supports and followers moved there.
  merged_into uuid REFERENCES portfolio_ideas (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id),
  UNIQUE (municipality_id, id)
);
CREATE INDEX portfolio_ideas_list ON portfolio_ideas (municipality_id, created_at DESC);
CREATE INDEX portfolio_ideas_stage ON portfolio_ideas (municipality_id, stage);

CREATE TABLE portfolio_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES people (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  hidden_at timestamptz,
  hidden_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id)
);
CREATE INDEX portfolio_comments_idea ON portfolio_comments (idea_id, created_at);

-- One support per person per idea, guaranteed here; counts are count(*), never stored.
CREATE TABLE portfolio_supports (
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, person_id),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id)
);

CREATE TABLE portfolio_followers (
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, person_id),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id)
);
CREATE INDEX portfolio_followers_person ON portfolio_followers (person_id);

-- The idea's history, append-only: every stage change and decision stays.
CREATE TABLE portfolio_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('submitted', 'edited', 'stage', 'hidden', 'shown',
    'merged_from', 'merged_into', 'decision')),
  from_stage text,
  to_stage text,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  round_id uuid,
  decision text CHECK (decision IN ('go', 'wait', 'no')),
  other_idea_id uuid,
  actor_id uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id)
);
CREATE INDEX portfolio_events_idea ON portfolio_events (idea_id, id);

-- The municipality's default decision criteria; without rows the code's defaults apply.
-- Every criterion is scored 1–5, 5 always the best (low effort and low cost score high).
CREATE TABLE portfolio_criteria (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  position integer NOT NULL,
  name_fi text NOT NULL CHECK (length(name_fi) BETWEEN 1 AND 80),
  name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 80),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  PRIMARY KEY (municipality_id, key)
);

CREATE TABLE portfolio_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  meeting_date date NOT NULL,
  created_by uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  minutes_published_at timestamptz,
  CHECK (minutes_published_at IS NULL OR closed_at IS NOT NULL),
  UNIQUE (municipality_id, id)
);
CREATE INDEX portfolio_rounds_date ON portfolio_rounds (municipality_id, meeting_date DESC);

-- The criteria are copied into the round: a later change of the defaults never rewrites the
-- scores of a round already held.
CREATE TABLE portfolio_round_criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  key text NOT NULL,
  position integer NOT NULL,
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  FOREIGN KEY (municipality_id, round_id) REFERENCES portfolio_rounds (municipality_id, id)
    ON DELETE CASCADE,
  UNIQUE (round_id, key),
  UNIQUE (round_id, id)
);

CREATE TABLE portfolio_round_items (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  position integer NOT NULL,
  decision text CHECK (decision IN ('go', 'wait', 'no')),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  timebox_days integer CHECK (timebox_days IN (21, 105)),
  decided_by uuid REFERENCES people (id),
  decided_at timestamptz,
  PRIMARY KEY (round_id, idea_id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES portfolio_rounds (municipality_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, idea_id) REFERENCES portfolio_ideas (municipality_id, id),
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX portfolio_round_items_idea ON portfolio_round_items (idea_id);

CREATE TABLE portfolio_scores (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  idea_id uuid NOT NULL,
  criterion_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, idea_id, criterion_id, person_id),
  FOREIGN KEY (round_id, idea_id) REFERENCES portfolio_round_items (round_id, idea_id)
    ON DELETE CASCADE,
  FOREIGN KEY (round_id, criterion_id) REFERENCES portfolio_round_criteria (round_id, id)
    ON DELETE CASCADE
);

ALTER TABLE portfolio_stages ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_ideas ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_supports ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_followers ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_criteria ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_round_criteria ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_round_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE portfolio_scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portfolio_stages
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_ideas
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_comments
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_supports
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_followers
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_events
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_criteria
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_rounds
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_round_criteria
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_round_items
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON portfolio_scores
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON portfolio_stages TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON portfolio_ideas TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON portfolio_comments TO helppo_app;
-- Supports and followers are withdrawn (and moved by a merge).
GRANT SELECT, INSERT, DELETE ON portfolio_supports TO helppo_app;
GRANT SELECT, INSERT, DELETE ON portfolio_followers TO helppo_app;
-- The history is append-only.
GRANT SELECT, INSERT ON portfolio_events TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON portfolio_criteria TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON portfolio_rounds TO helppo_app;
GRANT SELECT, INSERT ON portfolio_round_criteria TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON portfolio_round_items TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON portfolio_scores TO helppo_app;
