-- Platform foundation: municipalities (tenants), people, roles, sessions, notifications,
-- email outbox, jobs and the audit log.
--
-- Tenant isolation: every tenant-owned table carries municipality_id and has a row-level
-- security policy comparing it to the transaction setting app.municipality_id. Request
-- handling runs as the role helppo_app (SET LOCAL ROLE per transaction), which is never a
-- superuser nor the table owner, so the policies always apply to it.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helppo_app') THEN
    CREATE ROLE helppo_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- another database on the same server created it at the same moment
  NULL;
END
$$;

DO $$
BEGIN
  -- A non-superuser owner must be a member of helppo_app to switch to it.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT helppo_app TO %I', current_user);
  END IF;
END
$$;

CREATE FUNCTION app_current_municipality() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$;

CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  contact_email text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  theme_color text NOT NULL DEFAULT '#003479' CHECK (theme_color ~ '^#[0-9a-f]{6}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
-- Every municipality's public profile is readable (the chooser lists them); only the
-- current municipality can be changed.
CREATE POLICY municipalities_read ON municipalities FOR SELECT USING (true);
CREATE POLICY municipalities_write ON municipalities FOR UPDATE
  USING (id = app_current_municipality()) WITH CHECK (id = app_current_municipality());

-- A person is global: one identity may hold roles in several municipalities.
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text,
  name text NOT NULL,
  language text NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email));

CREATE TABLE role_grants (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('resident', 'guardian', 'staff', 'daycare_staff',
    'facility_admin', 'digital_team', 'admin')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_by uuid REFERENCES people (id),
  PRIMARY KEY (municipality_id, person_id, role)
);
CREATE INDEX role_grants_person ON role_grants (person_id);
ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON role_grants
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  auth_method text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

-- Failed logins are counted by the normalised email whether or not such a person exists,
-- so that the lockout does not reveal which accounts exist.
CREATE TABLE login_attempts (
  email_key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  first_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_recipient ON notifications (municipality_id, person_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (municipality_id, person_id) WHERE read_at IS NULL;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX email_outbox_municipality ON email_outbox (municipality_id, created_at DESC);
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_outbox
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());

-- The job queue is worked by the system role (it serves every municipality); the app role
-- may only enqueue.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid REFERENCES municipalities (id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid REFERENCES municipalities (id),
  actor_person_id uuid,
  action text NOT NULL,
  target text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_municipality ON audit_events (municipality_id, at DESC);
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON audit_events FOR SELECT
  USING (municipality_id = app_current_municipality());
CREATE POLICY tenant_append ON audit_events FOR INSERT
  WITH CHECK (municipality_id IS NULL OR municipality_id = app_current_municipality());

-- Append-only for everybody, owner included.
CREATE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();

GRANT SELECT ON municipalities TO helppo_app;
GRANT UPDATE (name_fi, name_sv, name_en, contact_email, contact_phone, address, theme_color,
  updated_at) ON municipalities TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON people TO helppo_app;
GRANT SELECT, INSERT, DELETE ON role_grants TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON notifications TO helppo_app;
GRANT SELECT, INSERT ON email_outbox TO helppo_app;
GRANT INSERT ON jobs TO helppo_app;
GRANT SELECT, INSERT ON audit_events TO helppo_app;
GRANT SELECT ON instance_settings TO helppo_app;
