-- Device sign-in (RFC 8628, dev.ferry.auth.device). Both codes are stored as SHA-256
-- only; user_id is set once the signed-in user approves or denies.
CREATE TABLE device_authorizations (
  id                VARCHAR(36)   PRIMARY KEY,
  device_code_hash  VARCHAR(64)   NOT NULL UNIQUE,
  user_code_hash    VARCHAR(64)   NOT NULL UNIQUE,
  client_name       VARCHAR(100)  NOT NULL,
  scopes            VARCHAR(100)  NOT NULL,
  ip                VARCHAR(64),
  user_agent        VARCHAR(512),
  created_at        BIGINT        NOT NULL,
  expires_at        BIGINT        NOT NULL,
  interval_ms       BIGINT        NOT NULL,
  last_polled_at    BIGINT,
  status            VARCHAR(16)   NOT NULL,
  user_id           VARCHAR(36) REFERENCES users (id) ON DELETE CASCADE,
  decided_at        BIGINT
);
CREATE INDEX device_authorizations_expiry ON device_authorizations (expires_at);

-- A session opened by a device sign-in carries the scopes the device asked for (NULL:
-- everything the role allows, as before).
ALTER TABLE sessions ADD COLUMN scopes VARCHAR(100);
