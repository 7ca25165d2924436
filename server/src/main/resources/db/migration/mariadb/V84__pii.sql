-- PII detection. file_pii_flags (module files): the kinds of personal data found in one
-- content of a file (its sha256), so a restored version keeps the flags its content had;
-- never the matched values. No foreign key to files: a trashed file keeps its id.
CREATE TABLE file_pii_flags (
  file_id     VARCHAR(36)  NOT NULL,
  sha256      VARCHAR(64)  NOT NULL,
  kinds       VARCHAR(255) NOT NULL,
  flagged_at  BIGINT       NOT NULL,
  PRIMARY KEY (file_id, sha256)
);

-- pii_scans (module pii): the queue of files waiting for a scan, settled by the worker.
CREATE TABLE pii_scans (
  file_id     VARCHAR(36)  PRIMARY KEY,
  owner_id    VARCHAR(36)  NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  reason      VARCHAR(64),
  attempts    INTEGER      NOT NULL DEFAULT 0,
  due_at      BIGINT       NOT NULL,
  created_at  BIGINT       NOT NULL
);
CREATE INDEX pii_scans_due ON pii_scans (status, due_at);
