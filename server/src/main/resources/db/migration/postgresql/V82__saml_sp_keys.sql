-- SAML 2.0: Ferry's own key pair per identity provider, for the assertions it encrypts
-- to Ferry. Made on first use; the private key (PKCS#8) is sealed under the KEK
-- (context "saml-sp-key:" + provider), the self-signed certificate is public (metadata).
CREATE TABLE saml_sp_keys (
  provider           VARCHAR(64)  PRIMARY KEY,
  certificate        TEXT NOT NULL,
  sealed_private_key BYTEA NOT NULL,
  created_at         BIGINT       NOT NULL
);
