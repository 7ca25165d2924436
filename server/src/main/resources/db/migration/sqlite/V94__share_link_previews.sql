-- Links created or changed with show_previews: true (share.link): the public share page shows
-- the files' preview images.
CREATE TABLE share_link_previews (
    link_id VARCHAR(36) PRIMARY KEY,
    FOREIGN KEY (link_id) REFERENCES share_links (id) ON DELETE CASCADE
);
