-- zstd before encryption: blobs.compressed says the blob's parts are compressed where it
-- pays off (set when the blob is created for a type that is not compressed already);
-- blob_parts.compressed says this part's stored bytes are zstd frames with a frame index
-- at the end, so a range read seeks to the frame it needs.
ALTER TABLE blobs ADD COLUMN compressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE blob_parts ADD COLUMN compressed INTEGER NOT NULL DEFAULT 0;
