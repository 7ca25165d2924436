-- Owners restrict who may download a file to client networks (CIDR, comma-separated); NULL: anyone allowed.
ALTER TABLE files ADD COLUMN allowed_ips TEXT;
