-- captcha: visitors of the upload request get an upload session only after an ALTCHA
-- proof of work (share.request.RequestCaptcha); solutions are spent in captcha_spent.
ALTER TABLE upload_requests ADD COLUMN captcha BOOLEAN NOT NULL DEFAULT FALSE;
