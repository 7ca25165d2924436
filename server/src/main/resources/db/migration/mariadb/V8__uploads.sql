-- tus uploads in progress (and, until they are purged, finished ones). The bytes live in
-- the blob store; this row is what lets any node continue an upload after a restart.
-- upload_length is NULL while the client defers the length (creation-defer-length).
CREATE TABLE uploads (
  id             VARCHAR(36)  PRIMARY KEY,
  owner_id       VARCHAR(36)  NOT NULL,
  blob_id        VARCHAR(36)  NOT NULL,
  upload_length  BIGINT,
  upload_offset  BIGINT       NOT NULL,
  metadata       TEXT         NOT NULL,
  folder         TEXT,
  name           TEXT         NOT NULL,
  content_type   VARCHAR(255),
  sha256         VARCHAR(64),
  status         VARCHAR(16)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  completed_at   BIGINT,
  FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX uploads_owner ON uploads (owner_id, status);
CREATE INDEX uploads_status_expiry ON uploads (status, expires_at);
