-- Who uploaded each version (an account id; null where unknown: content that arrived before
-- this column). The files row holds the current version's, file_versions each older one's,
-- trashed_files keeps it while the file is in the trash.
ALTER TABLE files ADD COLUMN uploaded_by VARCHAR(36);
ALTER TABLE file_versions ADD COLUMN uploaded_by VARCHAR(36);
ALTER TABLE trashed_files ADD COLUMN uploaded_by VARCHAR(36);
