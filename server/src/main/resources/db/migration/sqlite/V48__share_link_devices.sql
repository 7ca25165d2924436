-- Links with bind_to_first_device: a row per such link; device_hash (SHA-256 of the
-- device cookie) is set by the first device that opens the link, once.
CREATE TABLE share_link_devices (
    link_id VARCHAR(36) PRIMARY KEY REFERENCES share_links (id) ON DELETE CASCADE,
    device_hash VARCHAR(64),
    bound_at BIGINT
);
