-- Previews (module preview): one row per file, queued when the file arrives and settled by
-- the background worker. The raster lives encrypted in the blob store (blob_id); no foreign
-- key to files, because the preview sweeper must still find a deleted file's preview blob
-- to shred it.
CREATE TABLE previews (
  file_id       VARCHAR(36)  PRIMARY KEY,
  owner_id      VARCHAR(36)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  reason        VARCHAR(64),
  blob_id       VARCHAR(36),
  content_type  VARCHAR(32),
  width         INTEGER,
  height        INTEGER,
  size          BIGINT,
  attempts      INTEGER      NOT NULL DEFAULT 0,
  due_at        BIGINT       NOT NULL,
  created_at    BIGINT       NOT NULL
);
CREATE INDEX previews_due ON previews (status, due_at);
