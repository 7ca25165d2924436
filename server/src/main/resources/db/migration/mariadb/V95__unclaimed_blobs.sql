-- A blob is written before the row that refers to it exists (a file's content arrives
-- before its files row), so a crash in between leaves a live blob nothing refers to.
-- claimed = 0 marks a blob no module has yet been seen referring to; the storage cleanup
-- asks the owning modules (BlobReferences) about those a day old, settles the referred
-- ones (claimed = 1) and destroys one found unreferenced twice, unreferenced_at being
-- the first time. Blobs from before this migration count as claimed.
ALTER TABLE blobs ADD COLUMN claimed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE blobs ADD COLUMN unreferenced_at BIGINT;
CREATE INDEX blobs_unclaimed ON blobs (claimed, created_at);
-- The owners answer by blob id.
CREATE INDEX files_blob ON files (blob_id);
CREATE INDEX file_versions_blob ON file_versions (blob_id);
CREATE INDEX trashed_files_blob ON trashed_files (blob_id);
