-- Accounts whose password lives in an LDAP / Active Directory directory (issue 19): the
-- entry each was provisioned from. Ferry keeps no password for them, so its password
-- policy, change and reset do not apply.
CREATE TABLE directory_accounts (
  user_id     VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  dn          VARCHAR(1024) NOT NULL,
  created_at  BIGINT       NOT NULL,
  synced_at   BIGINT       NOT NULL
);
