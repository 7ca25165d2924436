package dev.ferry.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a failed one-time execution again after a doubling delay; after the last attempt
 * drops it, counts it in {@code ferry_jobs_gave_up_total} and tells the job.
 */
class RetryWithBackoff implements FailureHandler<Void> {

	private static final Logger log = LoggerFactory.getLogger(RetryWithBackoff.class);

	private final OneTimeJob job;

	private final JobMetrics metrics;

	RetryWithBackoff(OneTimeJob job, JobMetrics metrics) {
		this.job = job;
		this.metrics = metrics;
	}

	@Override
	public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
		String id = complete.getExecution().taskInstance.getId();
		int failures = complete.getExecution().consecutiveFailures + 1;
		if (failures < job.retry().maxAttempts()) {
			operations.reschedule(complete, complete.getTimeDone().plus(job.retry().delayAfter(failures)));
			return;
		}
		operations.stop();
		metrics.gaveUp(job.name());
		log.warn("Job {} for {} failed {} times; giving up", job.name(), id, failures);
		try {
			job.gaveUp().accept(id);
		}
		catch (RuntimeException ex) {
			log.warn("Job {} could not record that {} was given up", job.name(), id, ex);
		}
	}

}
