-- Web Push and per-topic notification preferences, a platform capability of every module.
--
-- A push subscription is one browser on one device (RFC 8030 endpoint and the RFC 8291 keys
-- p256dh and auth). The endpoint is unique per municipality: one browser shares one service
-- worker and so one subscription for every municipality on the same address, and whoever
-- subscribes it last receives its pushes. failure_count counts failed deliveries since the
-- last success; a push service answering 404 or 410 has dropped the subscription, and the
-- row is deleted.
--
-- Preferences are a row per person, topic and channel only when the person has changed the
-- default: every channel is on until switched off. In-app notices cannot be switched off.

CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  endpoint text NOT NULL CHECK (length(endpoint) BETWEEN 10 AND 2000),
  p256dh text NOT NULL CHECK (length(p256dh) BETWEEN 80 AND 100),
  auth text NOT NULL CHECK (length(auth) BETWEEN 16 AND 32),
  user_agent text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz,
  failure_count integer NOT NULL DEFAULT 0 CHECK (failure_count >= 0),
  UNIQUE (municipality_id, endpoint)
);
CREATE INDEX push_subscriptions_person ON push_subscriptions (person_id, municipality_id);

CREATE TABLE notification_preferences (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  topic text NOT NULL CHECK (topic IN ('messages', 'urgentMessages', 'absences', 'discussions',
    'freePlaces', 'bookings', 'general')),
  channel text NOT NULL CHECK (channel IN ('email', 'push')),
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, municipality_id, topic, channel)
);

ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_subscriptions
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON notification_preferences
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON push_subscriptions TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON notification_preferences TO helppo_app;
