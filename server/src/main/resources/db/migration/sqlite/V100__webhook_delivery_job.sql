-- The job execution that owns a pending delivery: its id when null, a replay's id after a
-- replay. An execution that is not the owner sends nothing, so a replay still retrying is
-- not sent a second time by the execution the start-up backlog queues under the plain id.
ALTER TABLE webhook_deliveries ADD COLUMN job_id VARCHAR(100);
