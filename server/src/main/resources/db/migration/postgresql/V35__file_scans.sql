-- Malware scanning. A file starts 'pending' when a scanner is configured ('skipped' when
-- not); the scan worker settles it as 'clean', 'infected' (with the signature name) or,
-- after its retries, 'error'. scan_due_at is when the worker may try next.
ALTER TABLE files ADD COLUMN scan_status VARCHAR(16) NOT NULL DEFAULT 'skipped';
ALTER TABLE files ADD COLUMN scan_signature VARCHAR(255);
ALTER TABLE files ADD COLUMN scan_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN scan_due_at BIGINT;
CREATE INDEX files_scan_due ON files (scan_status, scan_due_at);
