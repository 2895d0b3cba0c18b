-- The province hub's store: the same SQL on PGlite (embedded) and PostgreSQL.

-- The hub's own identity: its signing key (answers, receipts) and its box key (bundles are encrypted to it).
CREATE TABLE hub_identity (
  id text PRIMARY KEY,
  sign_public text NOT NULL,
  sign_private text NOT NULL,
  box_public text NOT NULL,
  box_private text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An office: a commune, or an office above it whose area is several communes.
CREATE TABLE offices (
  id text PRIMARY KEY,
  unit_id text NOT NULL,
  name text NOT NULL,
  -- the unit ids whose records the office receives (its commune; for an office above, its communes)
  area text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One-time enrolment codes (only their hash is kept).
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  sign_key text NOT NULL,
  box_key text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_contact timestamptz,
  -- every entry of this device up to acked is held here
  acked bigint NOT NULL DEFAULT 0,
  app_protocol int NOT NULL DEFAULT 1
);

-- The pull cursor's source: one counter, taken at the end of a push so that entries commit in cursor order.
CREATE TABLE hub_counter (id int PRIMARY KEY, n bigint NOT NULL);
INSERT INTO hub_counter VALUES (1, 0);

CREATE TABLE commands (
  id text PRIMARY KEY,
  device_id text NOT NULL,
  name text NOT NULL,
  user_id text,
  origin text NOT NULL,
  hlc text NOT NULL
);

-- Every entry received, once (device, seq); hub_seq orders those applied for pulls.
CREATE TABLE entries (
  device_id text NOT NULL,
  seq bigint NOT NULL,
  hub_seq bigint UNIQUE,
  hlc text NOT NULL,
  command_id text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL,
  field text,
  value text,
  base text,
  scope text NOT NULL,
  status text NOT NULL,
  reason text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX entries_scope_cursor ON entries (scope, hub_seq) WHERE hub_seq IS NOT NULL;

-- The value each field holds at the hub and the entry that set it: what a change's base is compared with.
CREATE TABLE field_state (
  entity text NOT NULL,
  entity_id text NOT NULL,
  field text NOT NULL,
  version text NOT NULL,
  value text,
  command_name text,
  PRIMARY KEY (entity, entity_id, field)
);

-- Every record the hub holds: the unit it belongs to (which decides who pulls it) and the insert that created it,
-- whose row gives a field's value and version until an edit of that field (field_state) replaces them.
CREATE TABLE records (
  entity text NOT NULL,
  entity_id text NOT NULL,
  scope text NOT NULL,
  version text NOT NULL,
  row_json text NOT NULL,
  command_name text,
  PRIMARY KEY (entity, entity_id)
);

CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  field text,
  theirs text,
  ours text,
  ours_version text,
  outcome text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (device_id, seq)
);

-- USB bundles received (and relayed): numbered per device.
CREATE TABLE bundles (
  device_id text NOT NULL,
  number bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  entries int NOT NULL,
  acked bigint NOT NULL,
  PRIMARY KEY (device_id, number)
);
