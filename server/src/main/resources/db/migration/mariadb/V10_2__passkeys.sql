-- Passkeys (WebAuthn credentials) and the challenges of registrations and sign-ins in flight.

CREATE TABLE passkeys (
  id                   VARCHAR(36)   PRIMARY KEY,
  user_id              VARCHAR(36)   NOT NULL,
  credential_id        VARCHAR(1400) NOT NULL UNIQUE,
  attested_credential  LONGBLOB         NOT NULL,
  sign_count           BIGINT        NOT NULL,
  name                 VARCHAR(100)  NOT NULL,
  created_at           BIGINT        NOT NULL,
  last_used_at         BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- user_id is set for registrations and second-factor sign-ins, null for password-less ones.
CREATE TABLE webauthn_challenges (
  challenge            VARCHAR(100)  PRIMARY KEY,
  purpose              VARCHAR(16)   NOT NULL,
  user_id              VARCHAR(36),
  created_at           BIGINT        NOT NULL,
  expires_at           BIGINT        NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX webauthn_challenges_expires ON webauthn_challenges (expires_at);
