-- Quota held by plain uploads (PUT, multipart) while their bytes stream in, so parallel
-- uploads cannot together pass the owner's quota. A row is released when its upload
-- fails and turned into the file's size when it succeeds; expires_at lets a row left by a
-- node that died mid-upload stop counting.
CREATE TABLE quota_reservations (
    id          VARCHAR(36)  PRIMARY KEY,
    owner_id    VARCHAR(36)  NOT NULL,
    bytes       BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
  FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX quota_reservations_owner ON quota_reservations (owner_id, expires_at);

-- One row per owner, updated by every reservation: a portable row lock, so that checking
-- the room left and reserving it is one atomic step on PostgreSQL too (SQLite already
-- serialises writers).
CREATE TABLE quota_locks (
    owner_id    VARCHAR(36)  PRIMARY KEY,
  FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
