-- After a rotation the previous signing key stays valid until previous_until: deliveries
-- carry a signature under each, so receivers can switch secrets without a gap.
ALTER TABLE webhooks ADD COLUMN previous_sealed_secret LONGBLOB;
ALTER TABLE webhooks ADD COLUMN previous_until BIGINT;
