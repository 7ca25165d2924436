package dev.ferry.scan;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.files.FileScans;
import dev.ferry.files.ScanStatus;
import dev.ferry.jobs.JobNodes;
import dev.ferry.jobs.OneTimeJob;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code scan} job on each vendor's real database with two nodes racing for every
 * execution: each file's content reaches clamd once, however often it was queued; a
 * scanner that stays down is tried {@code FERRY_SCAN_MAX_ATTEMPTS} times with backoff,
 * after which (under {@code allow}) the file is settled as {@code error}, once; files
 * left pending by a version that polled are queued at start.
 */
class ScanJobTests extends EveryVendor {

	@ParameterizedTest
	@MethodSource("databases")
	void eachFileIsScannedOnceAcrossTwoNodes(Vendor vendor) throws IOException {
		Databases.Fresh db = database(vendor);
		PendingFiles files = new PendingFiles();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(files.add());
		}
		try (CountingClamd clamd = new CountingClamd();
				JobNodes nodes = JobNodes.start(db, twoNodes(files, properties(clamd.address(), 5)))) {
			// Job ids first: a scan may settle its file before the loop reaches the next
			// one.
			List<String> jobs = ids.stream().map(files::jobId).toList();
			for (String job : jobs) {
				nodes.jobs().enqueue(FileScans.JOB, job);
				nodes.jobs().enqueue(FileScans.JOB, job);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> files.settled.size() == ids.size());
			assertThat(clamd.scans).hasSize(ids.size()).allSatisfy((content, scans) -> assertThat(scans).isOne());
		}
		assertThat(files.settled.values()).containsOnly(ScanStatus.CLEAN);
		assertThat(executions(db)).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aScannerThatStaysDownIsRetriedThenGivenUp(Vendor vendor) throws IOException {
		Databases.Fresh db = database(vendor);
		PendingFiles files = new PendingFiles();
		UUID id = files.add();
		try (JobNodes nodes = JobNodes.start(db, twoNodes(files, properties(closedPort(), 3)))) {
			nodes.jobs().enqueue(FileScans.JOB, files.jobId(id));
			await().atMost(Duration.ofSeconds(60)).until(() -> files.settled.containsKey(id));
		}
		assertThat(files.settled).containsExactly(Map.entry(id, ScanStatus.ERROR));
		assertThat(files.attempts.get(id)).as("failed attempts counted on the file").isEqualTo(3);
		assertThat(executions(db)).as("the execution is dropped").isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void filesPendingWithoutAnExecutionAreQueuedAtStart(Vendor vendor) throws IOException {
		Databases.Fresh db = database(vendor);
		PendingFiles files = new PendingFiles();
		List<UUID> ids = List.of(files.add(), files.add(), files.add());
		try (CountingClamd clamd = new CountingClamd()) {
			ScanProperties properties = properties(clamd.address(), 5);
			try (JobNodes nodes = JobNodes.start(db, twoNodes(files, properties))) {
				new ScanJob.Backlog(files, nodes.jobs()).queuePending();
				await().atMost(Duration.ofSeconds(60)).until(() -> files.settled.size() == ids.size());
			}
			assertThat(clamd.scans).hasSize(ids.size());
		}
		assertThat(files.settled).containsOnlyKeys(ids);
	}

	private static List<List<OneTimeJob>> twoNodes(FileScans files, ScanProperties properties) {
		ScanJob configuration = new ScanJob();
		return List.of(List.of(configuration.oneTimeScan(new ScanWorker(files, properties, null), properties)),
				List.of(configuration.oneTimeScan(new ScanWorker(files, properties, null), properties)));
	}

	private static ScanProperties properties(String clamd, int maxAttempts) {
		return new ScanProperties(clamd, ScanProperties.Unavailable.ALLOW, Duration.ofMillis(100), maxAttempts,
				Duration.ofSeconds(5));
	}

	private static String closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tcp://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private static long executions(Databases.Fresh db) {
		return db.jdbc()
			.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
			.param(FileScans.JOB)
			.query(Long.class)
			.single();
	}

	/**
	 * The files module's side, in memory: pending files, verdicts and failed attempts.
	 */
	static final class PendingFiles implements FileScans {

		final Map<UUID, ScanStatus> settled = new ConcurrentHashMap<>();

		final Map<UUID, Integer> attempts = new ConcurrentHashMap<>();

		private final Map<UUID, ScanJob> pending = new ConcurrentHashMap<>();

		UUID add() {
			UUID id = UUID.randomUUID();
			pending.put(id, new ScanJob(id, UUID.randomUUID(), "/" + id + ".txt", UUID.randomUUID(), 41, 0));
			return id;
		}

		String jobId(UUID id) {
			return FileScans.jobId(id, pending.get(id).blobId());
		}

		@Override
		public Optional<ScanJob> pending(UUID fileId, UUID blobId) {
			return Optional.ofNullable(pending.get(fileId)).filter((job) -> job.blobId().equals(blobId));
		}

		@Override
		public List<ScanJob> pending() {
			return List.copyOf(pending.values());
		}

		@Override
		public InputStream open(ScanJob job) {
			return new ByteArrayInputStream(("content of " + job.fileId()).getBytes(StandardCharsets.US_ASCII));
		}

		@Override
		public boolean settle(ScanJob job, ScanStatus status, String signature) {
			if (pending.remove(job.fileId()) == null) {
				return false;
			}
			settled.put(job.fileId(), status);
			return true;
		}

		@Override
		public void attemptFailed(ScanJob job) {
			attempts.merge(job.fileId(), 1, Integer::sum);
		}

	}

	/**
	 * A stand-in for clamd speaking its INSTREAM protocol that counts how often each
	 * content reached it and finds nothing; each scan takes a moment, so two nodes
	 * scanning one file would both get through.
	 */
	static final class CountingClamd implements AutoCloseable {

		final Map<String, Integer> scans = new ConcurrentHashMap<>();

		private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		CountingClamd() throws IOException {
			Thread acceptor = new Thread(this::accept, "counting-clamd");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String address() {
			return "tcp://127.0.0.1:" + server.getLocalPort();
		}

		private void accept() {
			while (!server.isClosed()) {
				try (Socket socket = server.accept()) {
					answer(socket);
				}
				catch (IOException ex) {
					// closed, or a client that went away: the next one is served
				}
			}
		}

		private void answer(Socket socket) throws IOException {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			in.readFully(new byte[10]);
			StringBuilder content = new StringBuilder();
			for (int length = in.readInt(); length > 0; length = in.readInt()) {
				byte[] chunk = new byte[length];
				in.readFully(chunk);
				content.append(new String(chunk, StandardCharsets.US_ASCII));
			}
			scans.merge(content.toString(), 1, Integer::sum);
			OutputStream out = socket.getOutputStream();
			out.write("stream: OK\0".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
