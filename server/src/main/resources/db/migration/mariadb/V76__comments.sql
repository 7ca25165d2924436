-- Comments on files and transfers (module share.comment), visible to the object's owner and
-- grantees. mentions: the mentioned accounts' ids, comma-separated, for the record.
CREATE TABLE comments (
  id           VARCHAR(36)  PRIMARY KEY,
  object_type  VARCHAR(16)  NOT NULL,
  object_id    VARCHAR(36)  NOT NULL,
  author_id    VARCHAR(36)  NOT NULL,
  body         TEXT NOT NULL,
  mentions     TEXT,
  created_at   BIGINT       NOT NULL,
  FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX comments_object ON comments (object_type, object_id, created_at);
