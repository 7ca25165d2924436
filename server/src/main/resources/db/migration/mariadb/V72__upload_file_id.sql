-- A finished upload names the file it became: its own id for a new file, the existing file's
-- id when it became a new version of it (NULL for uploads finished before versions).
ALTER TABLE uploads ADD COLUMN file_id VARCHAR(36);
