package dev.ferry.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.ferry.jobs.JobNodes;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade loses no delivery: deliveries still {@code pending} in
 * {@code webhook_deliveries} (queued by a version that polled the table) get one
 * {@code webhook-deliveries} execution each at start, however many nodes start; delivered
 * and failed ones get none. On each vendor's real database.
 */
class DeliveryBacklogTests extends EveryVendor {

	private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

	@ParameterizedTest
	@MethodSource("databases")
	void pendingDeliveriesAreQueuedOnceAtStart(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		DeliveryRepository deliveries = new DeliveryRepository(db.jdbc());
		UUID hook = webhook(db);
		UUID pending = delivery(deliveries, hook);
		UUID retried = delivery(deliveries, hook);
		deliveries.attemptFailed(retried, 500, "http_500");
		UUID delivered = delivery(deliveries, hook);
		deliveries.delivered(delivered, 204, NOW);
		UUID failed = delivery(deliveries, hook);
		deliveries.attemptFailed(failed, 500, "http_500");
		assertThat(deliveries.gaveUp(failed)).isTrue();
		assertThat(deliveries.gaveUp(failed)).as("given up once").isFalse();

		try (JobNodes nodes = JobNodes.start(db, List.of())) {
			DeliveryJob.Backlog backlog = new DeliveryJob.Backlog(deliveries, nodes.jobs());
			backlog.queuePending();
			backlog.queuePending();
		}

		assertThat(db.jdbc()
			.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?")
			.param(DeliveryJob.NAME)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(pending.toString(), retried.toString());
		assertThat(deliveries.find(retried).orElseThrow().attempts()).isOne();
		assertThat(deliveries.find(failed).orElseThrow().status()).isEqualTo(DeliveryRepository.FAILED);
	}

	/**
	 * A replayed delivery still retrying is queued under its replay's job, never under
	 * its own id again (two executions would both send it); a second replay of it, or two
	 * at once, is refused.
	 */
	@ParameterizedTest
	@MethodSource("databases")
	void aReplayOwnsItsDeliveryAndTheBacklogQueuesNoOtherJob(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		DeliveryRepository deliveries = new DeliveryRepository(db.jdbc());
		UUID replayed = delivery(deliveries, webhook(db));
		deliveries.attemptFailed(replayed, 500, "http_500");
		assertThat(deliveries.gaveUp(replayed)).isTrue();
		String job = DeliveryWorker.replayJobId(replayed);

		assertThat(deliveries.replay(replayed, job, NOW)).isTrue();
		assertThat(deliveries.replay(replayed, DeliveryWorker.replayJobId(replayed), NOW)).as("pending again")
			.isFalse();
		DeliveryRepository.Delivery delivery = deliveries.find(replayed).orElseThrow();
		assertThat(delivery.ownedBy(job)).isTrue();
		assertThat(delivery.ownedBy(replayed.toString())).as("its first job's id").isFalse();
		try (JobNodes nodes = JobNodes.start(db, List.of())) {
			new DeliveryJob.Backlog(deliveries, nodes.jobs()).queuePending();
		}

		assertThat(db.jdbc()
			.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?")
			.param(DeliveryJob.NAME)
			.query(String.class)
			.list()).contains(job).doesNotContain(replayed.toString());
	}

	/**
	 * A delivery left pending without a job (its give-up failed while the database was
	 * away) is queued again by the hourly cleanup, not only at the next start.
	 */
	@ParameterizedTest
	@MethodSource("databases")
	void theHourlyCleanupQueuesAPendingDeliveryThatLostItsJob(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		DeliveryRepository deliveries = new DeliveryRepository(db.jdbc());
		UUID stuck = delivery(deliveries, webhook(db));
		deliveries.attemptFailed(stuck, 500, "http_500");

		try (JobNodes nodes = JobNodes.start(db, List.of())) {
			new DeliveryLogCleanupJob()
				.recurringDeliveryLogCleanup(deliveries, new DeliveryJob.Backlog(deliveries, nodes.jobs()),
						Clock.fixed(NOW, ZoneOffset.UTC))
				.work()
				.run();
		}

		assertThat(db.jdbc()
			.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?")
			.param(DeliveryJob.NAME)
			.query(String.class)
			.list()).contains(stuck.toString());
	}

	private static UUID webhook(Databases.Fresh db) {
		UUID id = UUID.randomUUID();
		db.jdbc()
			.sql("INSERT INTO webhooks (id, owner_id, all_accounts, url, events, sealed_secret, enabled, failures, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(id.toString(), TestAccounts.insertUser(db.jdbc()).toString(), false, "https://hooks.example/in",
					"file.uploaded", new byte[] { 1 }, true, NOW.toEpochMilli(), NOW.toEpochMilli())
			.update();
		return id;
	}

	private static UUID delivery(DeliveryRepository deliveries, UUID hook) {
		UUID id = UUID.randomUUID();
		deliveries.insert(id, hook, "file.uploaded", "{}", NOW);
		return id;
	}

}
