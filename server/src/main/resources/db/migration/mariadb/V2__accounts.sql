CREATE TABLE users (
  id             VARCHAR(36)  PRIMARY KEY,
  email          VARCHAR(320) NOT NULL UNIQUE,
  name           VARCHAR(200),
  password_hash  VARCHAR(255),
  role           VARCHAR(16)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  quota_bytes    BIGINT,
  created_at     BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL
);

CREATE TABLE sessions (
  id             VARCHAR(36)  PRIMARY KEY,
  user_id        VARCHAR(36)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  last_used_at   BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  ip             VARCHAR(64),
  user_agent     VARCHAR(512),
  revoked_at     BIGINT,
  revoke_reason  VARCHAR(32),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE refresh_tokens (
  token_hash     VARCHAR(64)  PRIMARY KEY,
  session_id     VARCHAR(36)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  rotated_at     BIGINT,
  FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE api_keys (
  id             VARCHAR(36)  PRIMARY KEY,
  user_id        VARCHAR(36)  NOT NULL,
  name           VARCHAR(100) NOT NULL,
  prefix         VARCHAR(16)  NOT NULL,
  key_hash       VARCHAR(64)  NOT NULL UNIQUE,
  scopes         VARCHAR(64)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT,
  last_used_at   BIGINT,
  revoked_at     BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE invitations (
  id             VARCHAR(36)  PRIMARY KEY,
  token_hash     VARCHAR(64)  NOT NULL UNIQUE,
  email          VARCHAR(320) NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  invited_by     VARCHAR(36),
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  accepted_at    BIGINT,
  FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE setup_tokens (
  token_hash     VARCHAR(64)  PRIMARY KEY,
  created_at     BIGINT       NOT NULL
);
