-- The directory's own id of the entry that provisioned an account (OpenLDAP's entryUUID,
-- Active Directory's objectGUID): a DN can be reused for another person (a new hire given
-- a departed colleague's uid), who must not sign in to the old account. Empty for links
-- made before; the next sign-in fills it in.
ALTER TABLE directory_accounts ADD COLUMN entry_id VARCHAR(64);
