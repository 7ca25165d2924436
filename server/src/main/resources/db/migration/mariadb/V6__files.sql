-- A file is metadata pointing at an immutable encrypted blob. No ON DELETE CASCADE from
-- users: deleting an account must destroy its blobs through the files module first.
-- MariaDB: byte-order collation (utf8mb4_bin) on name and folder so sorting and cursors match SQLite.
CREATE TABLE files (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  folder         VARCHAR(4096) COLLATE utf8mb4_bin NOT NULL,
  name           VARCHAR(255)  COLLATE utf8mb4_bin NOT NULL,
  name_lower     VARCHAR(1024) NOT NULL,
  content_type   VARCHAR(255)  NOT NULL,
  declared_type  VARCHAR(255),
  size           BIGINT        NOT NULL,
  sha256         VARCHAR(64)   NOT NULL,
  blob_id        VARCHAR(36)   NOT NULL,
  created_at     BIGINT        NOT NULL,
  modified_at    BIGINT        NOT NULL,
  UNIQUE (owner_id, folder, name),
  FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX files_owner_created ON files (owner_id, created_at, id);
CREATE INDEX files_owner_size ON files (owner_id, size, id);
CREATE INDEX files_owner_name ON files (owner_id, name, id);
