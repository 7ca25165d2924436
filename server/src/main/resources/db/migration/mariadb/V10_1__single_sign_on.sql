-- OpenID Connect sign-in.

-- A sign-in on its way through the identity provider, keyed by the hash of its state. Nonce
-- and PKCE verifier are sealed under the KEK; any node can finish what another started.
CREATE TABLE oidc_logins (
  state_hash     VARCHAR(64)  PRIMARY KEY,
  provider       VARCHAR(64)  NOT NULL,
  sealed_secrets LONGBLOB        NOT NULL,
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);

-- Which provider account (issuer's subject) belongs to which Ferry account.
CREATE TABLE user_identities (
  provider       VARCHAR(64)  NOT NULL,
  subject        VARCHAR(255) NOT NULL,
  user_id        VARCHAR(36)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  last_login_at  BIGINT       NOT NULL,
  PRIMARY KEY (provider, subject),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- Sessions opened through a provider, with the ID token (sealed) for RP-initiated logout.
CREATE TABLE sso_sessions (
  session_id     VARCHAR(36)  PRIMARY KEY,
  provider       VARCHAR(64)  NOT NULL,
  sealed_id_token LONGBLOB       NOT NULL,
  FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);
