package dev.ferry.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code FERRY_JOBS_*}: how often a node looks for due executions, how many it runs at
 * once, how often it tells the others that it still works on one (an execution without a
 * heartbeat for four intervals is taken over), and how long a stopping node waits for
 * running executions.
 */
@ConfigurationProperties("ferry.jobs")
record JobsProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("4") int threads,
		@DefaultValue("1m") Duration heartbeatInterval, @DefaultValue("10s") Duration shutdownWait) {
}
