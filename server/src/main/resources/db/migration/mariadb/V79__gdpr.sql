-- GDPR erasure keeps the audit chain verifiable: from commit_from on, the chain hashes
-- personal fields (actor id and label, object id, address, user agent, details) through a
-- keyed commitment, so erasing a person replaces the value and keeps its commitment in
-- audit_redactions. Records written before this migration keep the old format.
CREATE TABLE audit_chain_format (
  id           INTEGER PRIMARY KEY,
  commit_from  BIGINT  NOT NULL
);
INSERT INTO audit_chain_format (id, commit_from) SELECT 1, seq + 1 FROM audit_head WHERE id = 1;

CREATE TABLE audit_redactions (
  seq          BIGINT       PRIMARY KEY,
  commitments  VARCHAR(1000) NOT NULL
);

-- Personal data exports (POST /api/v1/me/export): a request survives a restart until a
-- worker has built the ZIP (an encrypted blob) and mailed the link; only the SHA-256 of
-- the link's token is kept.
CREATE TABLE gdpr_exports (
  id            VARCHAR(36)  PRIMARY KEY,
  user_id       VARCHAR(36)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  requested_at  BIGINT       NOT NULL,
  claimed_at    BIGINT,
  finished_at   BIGINT,
  blob_id       VARCHAR(36),
  size          BIGINT,
  token_hash    VARCHAR(64),
  expires_at    BIGINT,
  failure       VARCHAR(200),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX gdpr_exports_status ON gdpr_exports (status, requested_at);
CREATE INDEX gdpr_exports_user ON gdpr_exports (user_id);
