-- How far a download ticket, and a share session's counted download of a file, has been
-- served: a resume may only start at or after served_to, so a spent ticket or a share
-- session cannot fetch the whole file again. Rows from before this version count as
-- fully served.
ALTER TABLE download_tickets ADD COLUMN served_to BIGINT NOT NULL DEFAULT 0;
UPDATE download_tickets SET served_to = 9223372036854775807 WHERE first_used_at IS NOT NULL;

ALTER TABLE share_download_claims ADD COLUMN served_to BIGINT NOT NULL DEFAULT 0;
UPDATE share_download_claims SET served_to = 9223372036854775807;
