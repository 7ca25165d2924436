-- Trash: a deleted file's row moves here whole (same id, blob and versions untouched) until
-- it is restored, the trash is emptied or FERRY_TRASH_DAYS pass; then its blobs are
-- crypto-shredded before the row goes. No foreign key to users: deleting an account must
-- shred its trash through the files module.
CREATE TABLE trashed_files (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  folder         VARCHAR(4096) COLLATE "C" NOT NULL,
  name           VARCHAR(255) COLLATE "C"  NOT NULL,
  content_type   VARCHAR(255)  NOT NULL,
  declared_type  VARCHAR(255),
  size           BIGINT        NOT NULL,
  sha256         VARCHAR(64)   NOT NULL,
  blob_id        VARCHAR(36)   NOT NULL,
  created_at     BIGINT        NOT NULL,
  modified_at    BIGINT        NOT NULL,
  scan_status    VARCHAR(16)   NOT NULL,
  scan_signature VARCHAR(255),
  scan_attempts  INTEGER       NOT NULL,
  scan_due_at    BIGINT,
  allowed_ips    TEXT,
  version        INTEGER       NOT NULL,
  version_at     BIGINT,
  trashed_at     BIGINT        NOT NULL
);
CREATE INDEX trashed_files_owner ON trashed_files (owner_id, trashed_at, id);
CREATE INDEX trashed_files_due ON trashed_files (trashed_at);
