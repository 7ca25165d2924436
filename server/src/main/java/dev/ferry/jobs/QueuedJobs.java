package dev.ferry.jobs;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.ferry.AfterCommit;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;

/**
 * {@link Jobs} through a db-scheduler client on the transaction-aware data source: the
 * execution row joins the caller's transaction (on SQLite a second connection would wait
 * for the caller's write lock), and this node looks for it once that commits.
 */
@Service
class QueuedJobs implements Jobs {

	private final SchedulerClient client;

	private final Runnable wakeUp;

	@Autowired
	QueuedJobs(JobScheduler scheduler) {
		this(scheduler.database(), scheduler::wakeUp);
	}

	QueuedJobs(JobDatabase database, Runnable wakeUp) {
		this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(database.dataSource()))
			.jdbcCustomization(database.customization())
			.build();
		this.wakeUp = wakeUp;
	}

	@Override
	public void enqueue(String job, String id) {
		client.scheduleIfNotExists(new TaskInstance<Void>(job, id), Instant.now());
		AfterCommit.run(wakeUp);
	}

}
