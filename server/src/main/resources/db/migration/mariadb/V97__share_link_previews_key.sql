-- V94 declared share_link_previews' link with an inline REFERENCES, which MariaDB ignores:
-- deleting a link (retention, erasure) left its row behind. The explicit key, after
-- removing what was already left behind.
DELETE FROM share_link_previews WHERE link_id NOT IN (SELECT id FROM share_links);
ALTER TABLE share_link_previews
  ADD FOREIGN KEY (link_id) REFERENCES share_links (id) ON DELETE CASCADE;
