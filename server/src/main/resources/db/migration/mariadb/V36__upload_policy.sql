-- The deployment's upload policy: one row (id 1) holding its rules as JSON, the shape
-- GET/PUT /api/v1/admin/upload-policy speak. No row means no rules.
CREATE TABLE upload_policy (
  id          INTEGER PRIMARY KEY,
  rules       TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL
);
