-- SCIM 2.0 provisioning (scim): the accounts and groups an identity provider manages,
-- with the provider's own id for each (externalId), and when it last called.
CREATE TABLE scim_users (
  user_id          VARCHAR(36)  PRIMARY KEY,
  external_id      VARCHAR(255),
  deprovisioned_at BIGINT,
  created_at       BIGINT       NOT NULL,
  updated_at       BIGINT       NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX scim_users_external ON scim_users (external_id);

CREATE TABLE scim_groups (
  group_id         VARCHAR(36)  PRIMARY KEY,
  external_id      VARCHAR(255),
  created_at       BIGINT       NOT NULL,
  updated_at       BIGINT       NOT NULL,
  FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE
);
CREATE INDEX scim_groups_external ON scim_groups (external_id);

-- One row: the admin page's provisioning status.
CREATE TABLE scim_status (
  id               INTEGER      PRIMARY KEY,
  last_request_at  BIGINT,
  last_error_at    BIGINT,
  last_error       VARCHAR(500)
);
INSERT INTO scim_status (id) VALUES (1);
