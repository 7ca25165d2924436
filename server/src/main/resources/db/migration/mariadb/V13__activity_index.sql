-- The admin dashboard counts audit events of a few actions over a time range.
CREATE INDEX audit_log_action_time ON audit_log (action, occurred_at);
