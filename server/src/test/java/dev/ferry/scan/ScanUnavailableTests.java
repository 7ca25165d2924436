package dev.ferry.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.files.FileScans;
import dev.ferry.files.ScanStatus;
import dev.ferry.jobs.OneTimeJob;
import dev.ferry.testing.ContentSafetyTest;
import dev.ferry.testing.FreePorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code FERRY_SCAN_UNAVAILABLE} when clamd cannot be reached (a port nobody listens on):
 * each attempt is counted and thrown for the {@code scan} job to retry; {@code hold}
 * retries however often it fails, {@code allow} gives up after the attempts and settles
 * the file as {@code error} (served unscanned).
 */
class ScanUnavailableTests {

	@Test
	void holdKeepsTheFilePendingAndRetries() throws IOException {
		Queue files = new Queue();
		ScanProperties properties = properties(ScanProperties.Unavailable.HOLD);
		ScanWorker worker = new ScanWorker(files, properties, null);

		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(ScanWorker.NotScanned.class).isThrownBy(() -> worker.scan(files.jobId()));
		}

		assertThat(files.settled).isEmpty();
		assertThat(files.attempts).isEqualTo(6);
		OneTimeJob.Retry retry = ScanJob.retry(properties);
		assertThat(retry.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
		assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(4));
		assertThat(retry.delayAfter(100)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void allowServesTheFileUnscannedAfterTheLastAttempt() throws IOException {
		Queue files = new Queue();
		ScanProperties properties = properties(ScanProperties.Unavailable.ALLOW);
		ScanWorker worker = new ScanWorker(files, properties, null);

		assertThatExceptionOfType(ScanWorker.NotScanned.class).isThrownBy(() -> worker.scan(files.jobId()));
		assertThat(files.settled).as("one attempt left").isEmpty();
		assertThat(ScanJob.retry(properties).maxAttempts()).isEqualTo(2);
		worker.giveUp(files.jobId());

		assertThat(files.attempts).isEqualTo(1);
		assertThat(files.settled).containsExactly(ScanStatus.ERROR);
	}

	/**
	 * A node started without {@code FERRY_CLAMD} (a rolling update, a lost env file) that
	 * picks up a scan queued by another node: the file is not let through, the attempt
	 * fails as if clamd were down.
	 */
	@Test
	void aNodeWithoutAScannerFailsTheAttemptInsteadOfSkippingTheFile() {
		Queue files = new Queue();
		ScanProperties unconfigured = new ScanProperties(null, ScanProperties.Unavailable.HOLD, Duration.ofSeconds(2),
				2, Duration.ofSeconds(5));
		ScanWorker worker = new ScanWorker(files, unconfigured, null);

		assertThatExceptionOfType(ScanWorker.NotScanned.class).isThrownBy(() -> worker.scan(files.jobId()));

		assertThat(files.settled).isEmpty();
		assertThat(files.attempts).isEqualTo(1);
	}

	/**
	 * The file got new content (or was deleted) while clamd looked at the old one: the
	 * verdict changes nothing, so its owner gets no mail about content that is gone.
	 */
	@Test
	void aVerdictOnContentReplacedMeanwhileSendsNoMail() {
		Queue files = new Queue();
		files.content = ContentSafetyTest.EICAR;
		files.replacedMeanwhile = true;
		List<String> mailed = new ArrayList<>();
		InfectionNotices notices = new InfectionNotices(null, null) {
			@Override
			void infected(FileScans.ScanJob job, String signature) {
				mailed.add(signature);
			}
		};
		ScanProperties scanning = new ScanProperties(ContentSafetyTest.requiredEnv("FERRY_TEST_CLAMD"),
				ScanProperties.Unavailable.HOLD, Duration.ofSeconds(2), 2, Duration.ofSeconds(20));

		new ScanWorker(files, scanning, notices).scan(files.jobId());

		assertThat(files.settled).as("the infected verdict was reached").containsExactly(ScanStatus.INFECTED);
		assertThat(mailed).isEmpty();
	}

	private static ScanProperties properties(ScanProperties.Unavailable unavailable) throws IOException {
		int closedPort = FreePorts.take();
		return new ScanProperties("tcp://127.0.0.1:" + closedPort, unavailable, Duration.ofSeconds(2), 2,
				Duration.ofSeconds(5));
	}

	/** One pending file whose attempts count up as the worker reports failures. */
	static final class Queue implements FileScans {

		final List<ScanStatus> settled = new ArrayList<>();

		private final UUID id = UUID.randomUUID();

		private final UUID blobId = UUID.randomUUID();

		private int attempts;

		byte[] content = "hello".getBytes();

		boolean replacedMeanwhile;

		String jobId() {
			return FileScans.jobId(id, blobId);
		}

		@Override
		public Optional<ScanJob> pending(UUID fileId, UUID blob) {
			return (settled.isEmpty() && fileId.equals(id) && blob.equals(blobId))
					? Optional.of(new ScanJob(id, UUID.randomUUID(), "/a.txt", blobId, 5, attempts)) : Optional.empty();
		}

		@Override
		public List<ScanJob> pending() {
			return List.of();
		}

		@Override
		public InputStream open(ScanJob job) {
			return new ByteArrayInputStream(content);
		}

		@Override
		public boolean settle(ScanJob job, ScanStatus status, String signature) {
			settled.add(status);
			return !replacedMeanwhile;
		}

		@Override
		public void attemptFailed(ScanJob job) {
			attempts++;
		}

	}

}
