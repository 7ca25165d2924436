-- OAuth2 provider (auth.oauth): third-party apps, the authorizations users grant them,
-- and their codes and tokens, stored as SHA-256 hashes only.
CREATE TABLE oauth_apps (
  id             VARCHAR(36)  PRIMARY KEY,
  owner_id       VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name           VARCHAR(100) NOT NULL,
  client_type    VARCHAR(16)  NOT NULL,
  secret_hash    VARCHAR(64),
  redirect_uris  TEXT         NOT NULL,
  created_at     BIGINT       NOT NULL,
  revoked_at     BIGINT
);
CREATE INDEX oauth_apps_owner ON oauth_apps (owner_id);

CREATE TABLE oauth_grants (
  id             VARCHAR(36)  PRIMARY KEY,
  app_id         VARCHAR(36)  NOT NULL REFERENCES oauth_apps (id) ON DELETE CASCADE,
  user_id        VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scopes         VARCHAR(64)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  last_used_at   BIGINT,
  revoked_at     BIGINT
);
CREATE INDEX oauth_grants_user ON oauth_grants (user_id);
CREATE INDEX oauth_grants_app ON oauth_grants (app_id);

CREATE TABLE oauth_tokens (
  token_hash     VARCHAR(64)  PRIMARY KEY,
  grant_id       VARCHAR(36)  NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
  kind           VARCHAR(8)   NOT NULL,
  scopes         VARCHAR(64)  NOT NULL,
  redirect_uri   TEXT,
  code_challenge VARCHAR(128),
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  revoked_at     BIGINT
);
CREATE INDEX oauth_tokens_grant ON oauth_tokens (grant_id);
CREATE INDEX oauth_tokens_expiry ON oauth_tokens (expires_at);
