-- MariaDB twin: LONGBLOB for BYTEA, TEXT for long VARCHARs, explicit FOREIGN KEY clauses.
-- Webhooks: an account's (or, with all_accounts, an admin's for every account) endpoint
-- for events. The signing secret is sealed under the KEK (context "webhook:" + id).
CREATE TABLE webhooks (
  id             VARCHAR(36)   PRIMARY KEY,
  owner_id       VARCHAR(36)   NOT NULL,
  all_accounts   BOOLEAN       NOT NULL,
  url            VARCHAR(2048) NOT NULL,
  events         VARCHAR(1024) NOT NULL,
  sealed_secret  LONGBLOB          NOT NULL,
  enabled        BOOLEAN       NOT NULL,
  failures       INTEGER       NOT NULL,
  created_at     BIGINT        NOT NULL,
  updated_at     BIGINT        NOT NULL,
  FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX webhooks_owner ON webhooks (owner_id);

-- One event for one webhook: sent by the delivery worker, retried with backoff; the log
-- keeps the last response code and error.
CREATE TABLE webhook_deliveries (
  id             VARCHAR(36)   PRIMARY KEY,
  webhook_id     VARCHAR(36)   NOT NULL,
  event_type     VARCHAR(64)   NOT NULL,
  payload        TEXT          NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  attempts       INTEGER       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  claimed_until  BIGINT        NOT NULL,
  response_code  INTEGER,
  last_error     VARCHAR(255),
  created_at     BIGINT        NOT NULL,
  delivered_at   BIGINT,
  FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
