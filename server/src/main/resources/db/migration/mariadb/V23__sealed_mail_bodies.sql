-- Mail subject and bodies may hold share links, reset links and codes: from now on they
-- are kept only sealed under the KEK (context 'mail:<id>') and dropped once a message is
-- sent or given up. Messages still pending are sealed when the server starts; what was
-- sent or given up before loses its plaintext here.
ALTER TABLE mail_outbox ADD COLUMN sealed_body LONGBLOB;
UPDATE mail_outbox SET subject = '', text_body = '', html_body = '' WHERE status <> 'pending';
