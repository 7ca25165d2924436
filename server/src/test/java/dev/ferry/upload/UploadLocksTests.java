package dev.ferry.upload;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UploadLocksTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService others = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		others.shutdownNow();
	}

	@Test
	void aRequestWaitsForTheTurnAndGetsItWhenTheHolderLetsGo() {
		UploadLocks locks = new UploadLocks(meters, Duration.ofMinutes(5));
		UUID upload = UUID.randomUUID();
		UploadLocks.Turn held = locks.await(upload);

		CompletableFuture<Boolean> next = takesTurn(locks, upload);
		await().atMost(Duration.ofSeconds(30)).until(() -> waiting() == 1);
		assertThat(next).isNotDone();

		held.close();
		assertThat(next.join()).isTrue();
		assertThat(waiting()).isZero();
	}

	@Test
	void afterTheBoundARequestGoesAheadWithoutItsTurn() {
		UploadLocks locks = new UploadLocks(meters, Duration.ofMillis(50));
		UUID upload = UUID.randomUUID();
		try (UploadLocks.Turn held = locks.await(upload)) {
			assertThat(takesTurn(locks, upload).join()).isFalse();
		}
		assertThat(waiting()).isZero();
		assertThat(takesTurn(locks, upload).join()).isTrue();
	}

	@Test
	void otherUploadsDoNotWait() {
		UploadLocks locks = new UploadLocks(meters, Duration.ofMinutes(5));
		try (UploadLocks.Turn held = locks.await(UUID.randomUUID())) {
			assertThat(takesTurn(locks, UUID.randomUUID()).join()).isTrue();
		}
	}

	/**
	 * Whether another thread gets the upload's turn; it gives the turn up again at once,
	 * since a lock is given up by the thread that took it.
	 */
	private CompletableFuture<Boolean> takesTurn(UploadLocks locks, UUID upload) {
		return CompletableFuture.supplyAsync(() -> {
			try (UploadLocks.Turn turn = locks.await(upload)) {
				return turn != UploadLocks.Turn.NONE;
			}
		}, others);
	}

	private double waiting() {
		return meters.get("ferry.uploads.waiting").gauge().value();
	}

}
