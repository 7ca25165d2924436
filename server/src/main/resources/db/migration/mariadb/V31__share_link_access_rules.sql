-- Access rules of a share link (comma-separated CIDR networks and ISO 3166 alpha-2 codes).
ALTER TABLE share_links ADD COLUMN allowed_ips TEXT;
ALTER TABLE share_links ADD COLUMN allowed_countries VARCHAR(1000);
ALTER TABLE share_links ADD COLUMN denied_countries VARCHAR(1000);
