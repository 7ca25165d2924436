-- Who accepted an invitation, so an admin can follow an invitation to the account it created.
ALTER TABLE invitations ADD COLUMN accepted_by VARCHAR(36);
ALTER TABLE invitations ADD FOREIGN KEY (accepted_by) REFERENCES users (id) ON DELETE SET NULL;

-- The hourly cleanup deletes ended sessions (and their refresh tokens) by these columns.
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX sessions_revoked ON sessions (revoked_at);

-- Counting the remaining active admins (last-admin protection) on every demote/suspend/delete.
CREATE INDEX users_role ON users (role, status);
