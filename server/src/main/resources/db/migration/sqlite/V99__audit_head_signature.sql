-- The head's seq and hash under the chain's key: without it, whoever can write to the
-- database could cut records off the end of the trail and move the head back to match.
-- Empty until the server signs it (at its next start, or its next record).
ALTER TABLE audit_head ADD COLUMN signature VARCHAR(64);
