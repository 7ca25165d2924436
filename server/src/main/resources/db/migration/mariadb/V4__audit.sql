-- Audit searches for failures and denials ("outcome=denied", newest first) without
-- scanning the whole trail.
CREATE INDEX audit_log_outcome ON audit_log (outcome, seq);
