package dev.ferry.jobs;

import java.time.Duration;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recurring job that only servers started with {@code FERRY_TEST_JOB_PROBE_INTERVAL}
 * have (the cluster test's nodes): each run records in the audit trail which node ran it
 * and how many runs it saw before. Were one schedule ever run by two nodes, two runs
 * would have seen the same number.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ferry.test.job-probe-interval")
class ProbeJobConfiguration {

	static final String ACTION = "test.job_probe";

	@Bean
	RecurringJob recurringProbe(AuditLog audit, JdbcClient jdbc,
			@Value("${ferry.test.job-probe-interval}") Duration interval, @Value("${ferry.node-name:}") String node) {
		return RecurringJob.every(interval, "test-probe", () -> {
			long seen = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ?")
				.param(ACTION)
				.query(Long.class)
				.single();
			audit.record(AuditEvent.success(ACTION)
				.by(AuditActor.system())
				.object("job_probe", String.valueOf(seen))
				.detail("node", node));
		});
	}

}
