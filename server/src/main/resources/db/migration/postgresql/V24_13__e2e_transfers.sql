-- End-to-end encrypted transfers (age): a row marks the transfer, whose files all start with
-- the age header, and holds the client's encrypted manifest (names, types, message), which
-- the server stores as an opaque base64 blob it cannot read.
CREATE TABLE e2e_transfers (
  transfer_id    VARCHAR(36)   PRIMARY KEY REFERENCES transfers (id) ON DELETE CASCADE,
  manifest       TEXT
);
