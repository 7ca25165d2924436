-- Access rules of an upload request (comma-separated CIDR networks and ISO 3166 alpha-2 codes).
ALTER TABLE upload_requests ADD COLUMN allowed_ips VARCHAR(4000);
ALTER TABLE upload_requests ADD COLUMN allowed_countries VARCHAR(1000);
ALTER TABLE upload_requests ADD COLUMN denied_countries VARCHAR(1000);
