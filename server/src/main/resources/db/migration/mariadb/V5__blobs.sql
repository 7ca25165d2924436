-- A blob is encrypted content: an ordered list of parts, each its own immutable store
-- object. wrapped_key is the blob's data keyset sealed by the KEK (key kek_key_id);
-- destroying a blob clears it first (crypto-shredding), then removes the parts.
CREATE TABLE blobs (
  id            VARCHAR(36)  PRIMARY KEY,
  wrapped_key   LONGBLOB,
  kek_key_id    BIGINT,
  length        BIGINT       NOT NULL,
  part_count    INTEGER      NOT NULL,
  created_at    BIGINT       NOT NULL,
  deleted_at    BIGINT
);
CREATE INDEX blobs_kek_key ON blobs (kek_key_id);
CREATE INDEX blobs_deleted ON blobs (deleted_at);

CREATE TABLE blob_parts (
  blob_id        VARCHAR(36)   NOT NULL,
  part_index     INTEGER       NOT NULL,
  plain_offset   BIGINT        NOT NULL,
  plain_length   BIGINT        NOT NULL,
  cipher_length  BIGINT        NOT NULL,
  store_key      VARCHAR(255)  NOT NULL UNIQUE,
  created_at     BIGINT        NOT NULL,
  PRIMARY KEY (blob_id, part_index),
  FOREIGN KEY (blob_id) REFERENCES blobs (id) ON DELETE CASCADE
);
