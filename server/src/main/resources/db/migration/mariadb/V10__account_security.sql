-- Account security: second factors, password rules, password reset, session idle/device tracking.

-- When the password was last set, for the optional maximum password age.
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;
UPDATE users SET password_changed_at = updated_at WHERE password_hash IS NOT NULL;

-- A TOTP authenticator. The secret is sealed under the KEK (context bound to the user id);
-- confirmed_at stays null until the user proves the authenticator works. last_step is the
-- last accepted time step: a code is only accepted for a later step, on every node.
CREATE TABLE totp_credentials (
  user_id        VARCHAR(36)  PRIMARY KEY,
  sealed_secret  LONGBLOB        NOT NULL,
  created_at     BIGINT       NOT NULL,
  confirmed_at   BIGINT,
  last_step      BIGINT       NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- One-time recovery codes, stored as hashes.
CREATE TABLE recovery_codes (
  user_id        VARCHAR(36)  NOT NULL,
  code_hash      VARCHAR(64)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  used_at        BIGINT,
  PRIMARY KEY (user_id, code_hash),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The short-lived ticket between a correct password and the second factor.
CREATE TABLE mfa_challenges (
  token_hash     VARCHAR(64)  PRIMARY KEY,
  user_id        VARCHAR(36)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  failures       INTEGER      NOT NULL,
  use_cookie     BOOLEAN      NOT NULL,
  used_at        BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX mfa_challenges_expires ON mfa_challenges (expires_at);

-- Hashes of the passwords an account had (the current one included), against reuse.
CREATE TABLE password_history (
  id             VARCHAR(36)  PRIMARY KEY,
  user_id        VARCHAR(36)  NOT NULL,
  password_hash  VARCHAR(255) NOT NULL,
  created_at     BIGINT       NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX password_history_user ON password_history (user_id, created_at);

CREATE TABLE password_resets (
  token_hash     VARCHAR(64)  PRIMARY KEY,
  user_id        VARCHAR(36)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  used_at        BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX password_resets_expires ON password_resets (expires_at);

-- Admin overrides of deployment settings (one row per key), e.g. require_2fa.
CREATE TABLE security_settings (
  name           VARCHAR(64)  PRIMARY KEY,
  value          VARCHAR(255) NOT NULL,
  updated_at     BIGINT       NOT NULL,
  updated_by     VARCHAR(36)
);

-- Sessions: idle timeout (null: none), the device they came from, and a restriction
-- (mfa_enrollment, password_change) that limits what their tokens may do.
ALTER TABLE sessions ADD COLUMN idle_timeout_ms BIGINT;
ALTER TABLE sessions ADD COLUMN device_hash VARCHAR(64);
ALTER TABLE sessions ADD COLUMN restriction VARCHAR(32);

-- Devices each user has signed in from, to flag a sign-in from a new one.
CREATE TABLE known_devices (
  user_id        VARCHAR(36)  NOT NULL,
  device_hash    VARCHAR(64)  NOT NULL,
  first_seen_at  BIGINT       NOT NULL,
  last_seen_at   BIGINT       NOT NULL,
  user_agent     VARCHAR(512),
  PRIMARY KEY (user_id, device_hash),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
