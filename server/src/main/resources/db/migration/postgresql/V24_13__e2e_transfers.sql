-- End-to-end encrypted transfers (age): a row marks the transfer, whose files all start with
-- the age header, and holds the client's encrypted manifest (names, types, message), which
-- the server stores as an opaque base64 blob it cannot read.
CREATE TABLE e2e_transfers (
  transfer_id    VARCHAR(36)   PRIMARY KEY REFERENCES transfers (id) ON DELETE CASCADE,
  manifest       TEXT
);

-- A user's age key for "to people" transfers: the public recipient (age1...) others encrypt
-- to, and the identity only as the browser wrapped it (an age file under the user's key
-- passphrase), so the server can hand it back but never open it. Not sealed under the KEK,
-- hence not "wrapped_...": key rotation has nothing to do for it.
CREATE TABLE age_keys (
  user_id          VARCHAR(36)   PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  recipient        VARCHAR(100)  NOT NULL,
  user_wrapped_identity TEXT     NOT NULL,
  created_at       BIGINT        NOT NULL
);
