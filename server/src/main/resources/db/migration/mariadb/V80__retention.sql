-- Audit retention: pruning the oldest records leaves a checkpoint naming the last pruned
-- record's seq and hash, signed (HMAC under the audit chain's key) so verification can
-- start there; the pruned range is exported to the archive file named here first.
CREATE TABLE audit_checkpoints (
  through_seq   BIGINT        PRIMARY KEY,
  through_hash  VARCHAR(64)   NOT NULL,
  pruned        BIGINT        NOT NULL,
  archive       VARCHAR(255)  NOT NULL,
  created_at    BIGINT        NOT NULL,
  signature     VARCHAR(64)   NOT NULL
);

-- Retention policies: the age after which the retention job removes each category.
CREATE TABLE retention_policies (
  category      VARCHAR(32)   PRIMARY KEY,
  max_age_days  INTEGER       NOT NULL,
  updated_at    BIGINT        NOT NULL
);
