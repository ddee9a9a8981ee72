-- Door access for self-service facilities: the doors of a resource and the PIN grants that a
-- confirmed booking gives. A grant is delivered to the door system by an adapter (MQTT push or
-- HTTP pull by the door controller) and moves through its states on the door's confirmations.

CREATE TABLE doors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  resource_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- mqtt: Helppo publishes grants to the door's topic; http_pull: the controller fetches them.
  adapter text NOT NULL CHECK (adapter IN ('mqtt', 'http_pull')),
  -- SHA-256 of the door controller's bearer token (http_pull only); the token itself is shown
  -- to staff once, when it is made.
  token_hash text,
  token_created_at timestamptz,
  -- The controller's last contact (a pull, an acknowledgement or an event): staff see a door
  -- that has gone quiet.
  last_seen_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, resource_id) REFERENCES resources (municipality_id, id),
  UNIQUE (municipality_id, id),
  CHECK ((adapter = 'http_pull') = (token_hash IS NOT NULL))
);
CREATE INDEX doors_resource ON doors (resource_id) WHERE active;
CREATE UNIQUE INDEX doors_token ON doors (token_hash) WHERE token_hash IS NOT NULL;

CREATE TABLE access_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  reservation_id uuid NOT NULL,
  door_id uuid NOT NULL,
  pin text NOT NULL CHECK (pin ~ '^[0-9]{6}$'),
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  -- What Helppo wants the door to hold: the grant (booking confirmed) or not (cancelled).
  wanted text NOT NULL DEFAULT 'installed' CHECK (wanted IN ('installed', 'removed')),
  -- requested → installed → removal_requested → removed; failed when the door system could not
  -- be reached after the retries or the door refused (wanted tells which operation failed).
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'installed',
    'removal_requested', 'removed', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  installed_at timestamptz,
  removed_at timestamptz,
  CHECK (valid_from < valid_until),
  CHECK (state NOT IN ('requested', 'installed') OR wanted = 'installed'),
  CHECK (state NOT IN ('removal_requested', 'removed') OR wanted = 'removed'),
  FOREIGN KEY (municipality_id, door_id) REFERENCES doors (municipality_id, id),
  FOREIGN KEY (reservation_id) REFERENCES reservations (id),
  -- One grant per reservation and door: syncing twice never makes a second one.
  UNIQUE (reservation_id, door_id)
);
CREATE INDEX access_grants_door ON access_grants (door_id, valid_until);
CREATE INDEX access_grants_state ON access_grants (municipality_id, state, updated_at);

ALTER TABLE doors ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON doors
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON access_grants
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON doors TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON access_grants TO helppo_app;
