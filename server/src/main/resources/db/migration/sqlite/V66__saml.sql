-- SAML 2.0 sign-in.

-- A sign-in request on its way through the identity provider, keyed by the hash of its
-- RelayState (also the browser's cookie); the response must answer its request id.
CREATE TABLE saml_requests (
  relay_hash     VARCHAR(64)  PRIMARY KEY,
  provider       VARCHAR(64)  NOT NULL,
  request_id     VARCHAR(64)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL
);
CREATE INDEX saml_requests_expires ON saml_requests (expires_at);

-- Assertions already used, by the hash of provider and assertion id, kept until they
-- expire: a replayed assertion finds its row and is refused.
CREATE TABLE saml_assertions (
  assertion_hash VARCHAR(64)  PRIMARY KEY,
  expires_at     BIGINT       NOT NULL
);
CREATE INDEX saml_assertions_expires ON saml_assertions (expires_at);
