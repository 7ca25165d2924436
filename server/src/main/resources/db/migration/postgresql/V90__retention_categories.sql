-- Retention of older versions, ended transfers and the download log looks rows up by age.
CREATE INDEX file_versions_replaced ON file_versions (replaced_at);
CREATE INDEX transfers_ended ON transfers (ended_at);
CREATE INDEX share_downloads_started ON share_downloads (started_at);
