-- captcha: the link opens only after an ALTCHA proof of work (share.link.ShareCaptcha).
-- captcha_spent: solved challenges (SHA-256 of their signature) until they expire, so a
-- payload opens one share session only.
ALTER TABLE share_links ADD COLUMN captcha BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE captcha_spent (
    signature_hash VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
