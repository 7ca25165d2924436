-- Access rules of an account (protect): comma-separated CIDR networks and ISO 3166
-- alpha-2 codes, checked at every sign-in and on every authenticated request.
CREATE TABLE account_access_rules (
  user_id            VARCHAR(36)   PRIMARY KEY,
  allowed_ips        TEXT,
  allowed_countries  VARCHAR(1000),
  denied_countries   VARCHAR(1000),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
