-- MariaDB/MySQL: every table compares text byte by byte, as SQLite and PostgreSQL
-- (COLLATE "C") do, so names that differ only in case stay distinct.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE server_secrets (
  name        VARCHAR(64) PRIMARY KEY,
  sealed      LONGBLOB       NOT NULL,
  created_at  BIGINT      NOT NULL
);

CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY,
  seq   BIGINT      NOT NULL,
  hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_log (
  seq          BIGINT       PRIMARY KEY,
  id           VARCHAR(36)  NOT NULL UNIQUE,
  occurred_at  BIGINT       NOT NULL,
  actor_type   VARCHAR(16)  NOT NULL,
  actor_id     VARCHAR(64),
  actor_label  VARCHAR(320),
  action       VARCHAR(64)  NOT NULL,
  object_type  VARCHAR(32),
  object_id    VARCHAR(64),
  outcome      VARCHAR(16)  NOT NULL,
  ip           VARCHAR(64),
  user_agent   VARCHAR(512),
  request_id   VARCHAR(64),
  details      TEXT         NOT NULL,
  prev_hash    VARCHAR(64)  NOT NULL,
  hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_object ON audit_log (object_id, seq);
