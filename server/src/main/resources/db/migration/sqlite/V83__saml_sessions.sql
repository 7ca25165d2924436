-- SAML 2.0 single logout: which identity provider session (NameID, SessionIndex) each
-- Ferry session came from, so either side's sign-out can end the other's. Goes with its
-- session.
CREATE TABLE saml_sessions (
  session_id     VARCHAR(36)  PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  provider       VARCHAR(64)  NOT NULL,
  name_id        VARCHAR(255) NOT NULL,
  name_id_format VARCHAR(255),
  session_index  VARCHAR(255)
);
CREATE INDEX saml_sessions_name_id ON saml_sessions (provider, name_id);
