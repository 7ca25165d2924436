-- Scans and webhook deliveries are one-time jobs now, one execution per file content and
-- per delivery, under the task names the recurring pollers had ('scan',
-- 'webhook-deliveries'). The pollers' own executions go; pending files and deliveries are
-- queued at start (ScanJob.Backlog, DeliveryJob.Backlog), which is idempotent.
DELETE FROM scheduled_tasks WHERE task_name IN ('scan', 'webhook-deliveries') AND task_instance = 'recurring';
