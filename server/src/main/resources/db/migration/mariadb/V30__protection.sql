-- The defender's bans: one row per client address key (IPv6 by /64). A lifted or expired
-- ban keeps its row so that the next ban of the same address lasts longer (strikes).
CREATE TABLE defender_bans (
  address       VARCHAR(64)   PRIMARY KEY,
  reason        VARCHAR(64)   NOT NULL,
  strikes       INTEGER       NOT NULL,
  banned_at     BIGINT        NOT NULL,
  banned_until  BIGINT        NOT NULL
);

-- Administrators' permanent address rules: allow (never scored, never banned) or deny.
CREATE TABLE address_rules (
  id          VARCHAR(36)   PRIMARY KEY,
  network     VARCHAR(64)   NOT NULL UNIQUE,
  kind        VARCHAR(8)    NOT NULL,
  note        VARCHAR(200),
  created_at  BIGINT        NOT NULL
);

-- Suspicious activity for administrators to acknowledge.
CREATE TABLE alerts (
  id               VARCHAR(36)    PRIMARY KEY,
  kind             VARCHAR(40)    NOT NULL,
  subject          VARCHAR(200),
  detail           VARCHAR(1000)  NOT NULL,
  created_at       BIGINT         NOT NULL,
  acknowledged_at  BIGINT,
  acknowledged_by  VARCHAR(36)
);
CREATE INDEX alerts_created ON alerts (created_at);
