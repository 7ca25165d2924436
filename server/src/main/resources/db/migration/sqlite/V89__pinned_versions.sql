-- Share links pinned to a file version: transfer_files.version names the version a
-- transfer sends (NULL: always the latest). The files module keeps pinned versions out of
-- pruning through file_version_pins, one row per holder (a transfer) and file, released
-- when the holder ends. No foreign key to files: a trashed file keeps its versions.
ALTER TABLE transfer_files ADD COLUMN version INTEGER;
CREATE TABLE file_version_pins (
  holder_id      VARCHAR(36)   NOT NULL,
  file_id        VARCHAR(36)   NOT NULL,
  owner_id       VARCHAR(36)   NOT NULL,
  version        INTEGER       NOT NULL,
  PRIMARY KEY (holder_id, file_id)
);
CREATE INDEX file_version_pins_file ON file_version_pins (file_id);
CREATE INDEX file_version_pins_owner ON file_version_pins (owner_id);
