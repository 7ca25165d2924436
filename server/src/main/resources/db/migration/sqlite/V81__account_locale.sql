-- The account's language for the web UI, e-mails and problem details: a BCP 47 tag
-- of a shipped language, or NULL to follow the browser.
ALTER TABLE users ADD COLUMN locale VARCHAR(35);

-- The language the sender chose for a recipient's mails (NULL: the sender's own).
ALTER TABLE transfer_recipients ADD COLUMN locale VARCHAR(35);
