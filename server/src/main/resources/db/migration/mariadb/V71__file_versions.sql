-- MariaDB twin: explicit FOREIGN KEY clauses.
-- Versions: a file keeps its id while new content arrives at its path. The files row holds
-- the current version (its number and when its content arrived); each older version is a
-- row here with its own blob, destroyed (crypto-shredded) before its row goes. No foreign
-- key to files: a file in the trash (trashed_files) keeps its versions.
ALTER TABLE files ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE files ADD COLUMN version_at BIGINT;
CREATE TABLE file_versions (
  id             VARCHAR(36)   PRIMARY KEY,
  file_id        VARCHAR(36)   NOT NULL,
  owner_id       VARCHAR(36)   NOT NULL,
  version        INTEGER       NOT NULL,
  content_type   VARCHAR(255)  NOT NULL,
  declared_type  VARCHAR(255),
  size           BIGINT        NOT NULL,
  sha256         VARCHAR(64)   NOT NULL,
  blob_id        VARCHAR(36)   NOT NULL,
  scan_status    VARCHAR(16)   NOT NULL,
  scan_signature VARCHAR(255),
  created_at     BIGINT        NOT NULL,
  replaced_at    BIGINT        NOT NULL,
  UNIQUE (file_id, version)
);
CREATE INDEX file_versions_owner ON file_versions (owner_id);
-- An account's own number of versions to keep, overriding FERRY_VERSIONS_KEEP.
CREATE TABLE file_version_settings (
  user_id        VARCHAR(36)   PRIMARY KEY,
  keep_versions  INTEGER       NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
