-- Background jobs (jobs): db-scheduler's executions, one row per task instance. A node
-- runs an execution only after flipping its `picked` flag with a conditional update on
-- `version`, so each execution runs on one node. The schema is db-scheduler's own.
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(100) NOT NULL,
  task_data            BLOB,
  execution_time       DATETIME(6)  NOT NULL,
  picked               BOOLEAN      NOT NULL,
  picked_by            VARCHAR(50),
  last_success         DATETIME(6)  NULL,
  last_failure         DATETIME(6)  NULL,
  consecutive_failures INT,
  last_heartbeat       DATETIME(6)  NULL,
  version              BIGINT       NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
