-- The API takes an encrypted manifest of up to 1 MiB of base64 (EncryptedTransfers), but
-- MariaDB's TEXT holds 64 KiB: a transfer with many files was refused there alone.
ALTER TABLE e2e_transfers MODIFY manifest MEDIUMTEXT;
