-- MariaDB twin: LONGBLOB for BYTEA, TEXT for long VARCHARs, explicit FOREIGN KEY clauses.
-- SFTP public keys: the OpenSSH line without its comment. Public keys are not secrets;
-- the fingerprint (SHA256, as ssh-keygen -l prints it) finds the key at sign-in.
CREATE TABLE ssh_keys (
  id             VARCHAR(36)   PRIMARY KEY,
  user_id        VARCHAR(36)   NOT NULL,
  name           VARCHAR(100)  NOT NULL,
  public_key     TEXT NOT NULL,
  fingerprint    VARCHAR(100)  NOT NULL,
  created_at     BIGINT        NOT NULL,
  last_used_at   BIGINT,
  UNIQUE (user_id, fingerprint),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
