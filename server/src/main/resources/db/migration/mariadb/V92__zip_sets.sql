-- A ZIP set: files an account chose to download as one ZIP, checked when registered, so the
-- browser can fetch the archive with a plain GET and a download ticket (the ids do not fit
-- in a URL). Short-lived; any node answers its download. file_ids: the ids, comma-separated,
-- in the order asked for (at most 1,000).
CREATE TABLE file_zip_sets (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  file_ids       TEXT          NOT NULL,
  created_at     BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL,
  FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX file_zip_sets_expires ON file_zip_sets (expires_at);
