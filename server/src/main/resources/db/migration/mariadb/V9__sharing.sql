-- Sharing: transfers (files sent to people), their public links and what happened through
-- them, upload requests (links through which others send files in), grants to accounts and
-- groups, and the mail outbox. Times are epoch millis; secrets are stored only as hashes.

CREATE TABLE transfers (
  id                     VARCHAR(36)   PRIMARY KEY,
  owner_id               VARCHAR(36)   NOT NULL,
  title                  VARCHAR(200)  NOT NULL,
  message                TEXT,
  status                 VARCHAR(16)   NOT NULL,
  expires_at             BIGINT        NOT NULL,
  show_sender_email      BOOLEAN       NOT NULL,
  notify_sender          BOOLEAN       NOT NULL,
  delete_files_on_expiry BOOLEAN       NOT NULL,
  created_at             BIGINT        NOT NULL,
  updated_at             BIGINT        NOT NULL,
  first_download_at      BIGINT,
  ended_at               BIGINT,
  purged_at              BIGINT,
  FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX transfers_owner_created ON transfers (owner_id, created_at, id);
CREATE INDEX transfers_status_expires ON transfers (status, expires_at);

-- No foreign key to files: a purged or deleted file leaves its row, shown as gone.
CREATE TABLE transfer_files (
  transfer_id    VARCHAR(36)   NOT NULL,
  file_id        VARCHAR(36)   NOT NULL,
  position       INTEGER       NOT NULL,
  PRIMARY KEY (transfer_id, file_id),
  FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE
);
CREATE INDEX transfer_files_file ON transfer_files (file_id);

CREATE TABLE transfer_recipients (
  id             VARCHAR(36)   PRIMARY KEY,
  transfer_id    VARCHAR(36)   NOT NULL,
  email          VARCHAR(320)  NOT NULL,
  notified_at    BIGINT,
  verified_at    BIGINT,
  downloaded_at  BIGINT,
  UNIQUE (transfer_id, email),
  FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE
);

CREATE TABLE share_links (
  id                          VARCHAR(36)  PRIMARY KEY,
  transfer_id                 VARCHAR(36)  NOT NULL,
  token_hash                  VARCHAR(64)  NOT NULL UNIQUE,
  created_at                  BIGINT       NOT NULL,
  expires_at                  BIGINT       NOT NULL,
  max_downloads               INTEGER,
  downloads                   INTEGER      NOT NULL,
  password_hash               VARCHAR(255),
  require_email_verification  BOOLEAN      NOT NULL,
  notify_on_download          BOOLEAN      NOT NULL,
  revoked_at                  BIGINT,
  FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE
);
CREATE INDEX share_links_transfer ON share_links (transfer_id);

-- Short-lived credentials a visitor gets after a password or an email check.
CREATE TABLE share_sessions (
  id             VARCHAR(36)   PRIMARY KEY,
  token_hash     VARCHAR(64)   NOT NULL UNIQUE,
  subject_type   VARCHAR(16)   NOT NULL,
  subject_id     VARCHAR(36)   NOT NULL,
  email          VARCHAR(320),
  created_at     BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL
);
CREATE INDEX share_sessions_expires ON share_sessions (expires_at);

-- A (session, file) or (session, zip) pair uses one download, however often it resumes.
CREATE TABLE share_download_claims (
  session_id     VARCHAR(36)   NOT NULL,
  item           VARCHAR(64)   NOT NULL,
  claimed_at     BIGINT        NOT NULL,
  PRIMARY KEY (session_id, item)
);

CREATE TABLE share_downloads (
  id             VARCHAR(36)   PRIMARY KEY,
  link_id        VARCHAR(36)   NOT NULL,
  transfer_id    VARCHAR(36)   NOT NULL,
  file_id        VARCHAR(36),
  kind           VARCHAR(8)    NOT NULL,
  email          VARCHAR(320),
  ip             VARCHAR(64),
  user_agent     VARCHAR(512),
  bytes          BIGINT        NOT NULL,
  completed      BOOLEAN       NOT NULL,
  started_at     BIGINT        NOT NULL,
  finished_at    BIGINT,
  FOREIGN KEY (link_id) REFERENCES share_links (id) ON DELETE CASCADE,
  FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE
);
CREATE INDEX share_downloads_transfer ON share_downloads (transfer_id, started_at, id);

-- Six-digit codes mailed to prove an address; only an Argon2 hash is kept.
CREATE TABLE email_codes (
  id             VARCHAR(36)   PRIMARY KEY,
  subject_type   VARCHAR(16)   NOT NULL,
  subject_id     VARCHAR(36)   NOT NULL,
  email          VARCHAR(320)  NOT NULL,
  code_hash      VARCHAR(255)  NOT NULL,
  attempts       INTEGER       NOT NULL,
  created_at     BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL,
  UNIQUE (subject_type, subject_id, email)
);

CREATE TABLE upload_requests (
  id               VARCHAR(36)   PRIMARY KEY,
  owner_id         VARCHAR(36)   NOT NULL,
  token_hash       VARCHAR(64)   NOT NULL UNIQUE,
  title            VARCHAR(200)  NOT NULL,
  message          TEXT,
  password_hash    VARCHAR(255),
  allowed_emails   TEXT,
  allowed_types    VARCHAR(2000),
  max_files        INTEGER       NOT NULL,
  max_total_bytes  BIGINT        NOT NULL,
  files_reserved   INTEGER       NOT NULL,
  bytes_reserved   BIGINT        NOT NULL,
  expires_at       BIGINT        NOT NULL,
  created_at       BIGINT        NOT NULL,
  revoked_at       BIGINT,
  FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX upload_requests_owner_created ON upload_requests (owner_id, created_at, id);

-- One row per tus upload started through a request; its id becomes the file's id.
CREATE TABLE upload_request_uploads (
  upload_id      VARCHAR(36)   PRIMARY KEY,
  request_id     VARCHAR(36)   NOT NULL,
  name           VARCHAR(255)  NOT NULL,
  length         BIGINT        NOT NULL,
  uploader_email VARCHAR(320),
  created_at     BIGINT        NOT NULL,
  completed_at   BIGINT,
  FOREIGN KEY (request_id) REFERENCES upload_requests (id) ON DELETE CASCADE
);
CREATE INDEX upload_request_uploads_request ON upload_request_uploads (request_id, created_at);

CREATE TABLE user_groups (
  id             VARCHAR(36)   PRIMARY KEY,
  name           VARCHAR(100)  NOT NULL UNIQUE,
  created_at     BIGINT        NOT NULL
);

CREATE TABLE group_members (
  group_id       VARCHAR(36)   NOT NULL,
  user_id        VARCHAR(36)   NOT NULL,
  added_at       BIGINT        NOT NULL,
  PRIMARY KEY (group_id, user_id),
  FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE access_grants (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  object_type    VARCHAR(16)   NOT NULL,
  object_id      VARCHAR(36)   NOT NULL,
  grantee_type   VARCHAR(16)   NOT NULL,
  grantee_id     VARCHAR(36)   NOT NULL,
  permission     VARCHAR(16)   NOT NULL,
  created_at     BIGINT        NOT NULL,
  UNIQUE (object_type, object_id, grantee_type, grantee_id),
  FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX access_grants_grantee ON access_grants (grantee_type, grantee_id);

-- Mail waits here until the worker sends it, so it survives restarts and SMTP outages.
CREATE TABLE mail_outbox (
  id              VARCHAR(36)   PRIMARY KEY,
  recipient       VARCHAR(320)  NOT NULL,
  subject         VARCHAR(500)  NOT NULL,
  text_body       TEXT          NOT NULL,
  html_body       TEXT          NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  claimed_until   BIGINT        NOT NULL,
  last_error      VARCHAR(500),
  created_at      BIGINT        NOT NULL,
  sent_at         BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
