-- Deduplication: a blob may back several files of one account (or of any account with
-- FERRY_DEDUP=global). ref_count counts the rows that refer to it; the blob is shredded
-- when the last one goes. blob_dedup maps a keyed hash of the content (HMAC-SHA256 under
-- a server secret sealed by the KEK, over the scope and the plaintext digest; never a
-- plain hash) to the one live blob holding it.
ALTER TABLE blobs ADD COLUMN ref_count INTEGER NOT NULL DEFAULT 1;

CREATE TABLE blob_dedup (
  dedup_key   VARCHAR(64)  PRIMARY KEY,
  blob_id     VARCHAR(36)  NOT NULL
);
CREATE INDEX blob_dedup_blob ON blob_dedup (blob_id);
