-- MariaDB twin of the PostgreSQL migration: explicit FOREIGN KEY clauses (MariaDB ignores
-- inline REFERENCES). End-to-end encrypted transfers: the encrypted manifest (names, types,
-- message as one age blob), and each user's age recipient with the identity wrapped in the
-- browser.
CREATE TABLE e2e_transfers (
  transfer_id    VARCHAR(36)   PRIMARY KEY,
  manifest       TEXT,
  FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE
);

CREATE TABLE age_keys (
  user_id          VARCHAR(36)   PRIMARY KEY,
  recipient        VARCHAR(100)  NOT NULL,
  user_wrapped_identity TEXT     NOT NULL,
  created_at       BIGINT        NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
