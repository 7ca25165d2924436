-- Bulk operations on many files run as jobs; the row is the job's progress, so any node
-- answers its status. A job whose node died stays 'running' until its owner's next look
-- finds it stale (see files.md, Bulk operations).
CREATE TABLE file_jobs (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  operation      VARCHAR(16)   NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  total          INTEGER       NOT NULL,
  done           INTEGER       NOT NULL,
  skipped        INTEGER       NOT NULL,
  failed         INTEGER       NOT NULL,
  created_at     BIGINT        NOT NULL,
  updated_at     BIGINT        NOT NULL
);
CREATE INDEX file_jobs_owner ON file_jobs (owner_id, created_at);
-- Each user's own tags on their files (lower-cased, so filters match case-insensitively).
CREATE TABLE file_tags (
  file_id        VARCHAR(36)   NOT NULL,
  owner_id       VARCHAR(36)   NOT NULL,
  tag            VARCHAR(64)   NOT NULL,
  PRIMARY KEY (file_id, tag)
);
CREATE INDEX file_tags_owner_tag ON file_tags (owner_id, tag);
