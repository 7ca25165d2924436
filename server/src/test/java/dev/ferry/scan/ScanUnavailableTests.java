package dev.ferry.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ferry.files.FileScans;
import dev.ferry.files.ScanStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code FERRY_SCAN_UNAVAILABLE} when clamd cannot be reached (a port nobody listens on):
 * {@code hold} keeps the file pending and retries, however often it fails; {@code allow}
 * settles it as {@code error} (served unscanned) once the attempts are used up.
 */
class ScanUnavailableTests {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void holdKeepsTheFilePendingAndRetries() throws IOException {
		Queue files = new Queue();
		ScanWorker worker = worker(ScanProperties.Unavailable.HOLD, files);

		for (int i = 0; i < 6; i++) {
			worker.run();
		}

		assertThat(files.settled).isEmpty();
		assertThat(files.retries).hasSize(6).allMatch((at) -> at.isAfter(NOW));
	}

	@Test
	void allowServesTheFileUnscannedAfterTheLastAttempt() throws IOException {
		Queue files = new Queue();
		ScanWorker worker = worker(ScanProperties.Unavailable.ALLOW, files);

		worker.run();
		assertThat(files.settled).as("one attempt left").isEmpty();
		worker.run();

		assertThat(files.retries).hasSize(1);
		assertThat(files.settled).containsExactly(ScanStatus.ERROR);
	}

	private static ScanWorker worker(ScanProperties.Unavailable unavailable, Queue files) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ScanProperties properties = new ScanProperties("tcp://127.0.0.1:" + closedPort, unavailable,
				Duration.ofSeconds(2), 2, Duration.ofSeconds(5));
		return new ScanWorker(files, properties, Clock.fixed(NOW, ZoneOffset.UTC), null);
	}

	/** One pending file whose attempts count up as the worker reports failures. */
	static final class Queue implements FileScans {

		final List<Instant> retries = new ArrayList<>();

		final List<ScanStatus> settled = new ArrayList<>();

		private final UUID id = UUID.randomUUID();

		private int attempts;

		@Override
		public List<ScanJob> due(Instant now, int max) {
			return settled.isEmpty() ? List.of(new ScanJob(id, UUID.randomUUID(), "/a.txt", id, 5, attempts))
					: List.of();
		}

		@Override
		public InputStream open(ScanJob job) {
			return new ByteArrayInputStream("hello".getBytes());
		}

		@Override
		public void settle(ScanJob job, ScanStatus status, String signature) {
			settled.add(status);
		}

		@Override
		public void retryAt(ScanJob job, Instant at) {
			attempts++;
			retries.add(at);
		}

		@Override
		public int skipPending() {
			return 0;
		}

	}

}
