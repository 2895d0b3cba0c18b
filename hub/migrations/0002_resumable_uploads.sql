-- A push batch received in parts: a cut connection keeps what arrived, and the device sends the rest from there.
CREATE TABLE uploads (
  device_id text NOT NULL,
  batch_id text NOT NULL,
  total int NOT NULL,
  hash text NOT NULL,
  bytes bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, batch_id)
);
