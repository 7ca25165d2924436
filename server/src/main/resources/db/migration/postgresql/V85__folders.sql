-- Folders created empty (module files, POST /api/v1/folders). A folder holding files needs
-- no row: it exists while a file lies in it. Unique per owner through the path's SHA-256,
-- because a 4096-byte path is too long for a MariaDB index.
CREATE TABLE folders (
  id           VARCHAR(36)   PRIMARY KEY,
  owner_id     VARCHAR(36)   NOT NULL,
  path         VARCHAR(4096) NOT NULL,
  path_sha256  VARCHAR(64)   NOT NULL,
  created_at   BIGINT        NOT NULL,
  UNIQUE (owner_id, path_sha256)
);
