-- Links created with watermark: true (share.link): downloads of PDFs and images are stamped
-- with the recipient and the time.
CREATE TABLE share_link_watermarks (
    link_id VARCHAR(36) PRIMARY KEY REFERENCES share_links (id) ON DELETE CASCADE
);
