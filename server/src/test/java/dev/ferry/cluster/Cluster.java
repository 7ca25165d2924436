package dev.ferry.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import dev.ferry.testing.Databases;
import dev.ferry.testing.FerryProcess;
import dev.ferry.testing.FreePorts;
import dev.ferry.testing.S3TestServer;

/**
 * Three Ferry nodes as child processes on one fresh PostgreSQL database, one S3 bucket,
 * one keyset file and the Redis of {@code bin/test-services}, with Debian's nginx and
 * HAProxy in front (round robin, no stickiness). Started once per test run by
 * {@link ClusterExtension}; a test that kills a node restarts it, so the next test finds
 * three again.
 */
public final class Cluster implements AutoCloseable {

	public static final int NODES = 3;

	private final Path dir;

	private final String databaseUrl;

	private final String redisUrl = redisOfThisJvm();

	private final String bucket = S3TestServer.newBucket("cluster");

	private final int[] ports = new int[NODES];

	private final FerryProcess[] nodes = new FerryProcess[NODES];

	private final List<CompletableFuture<Void>> restarts = new ArrayList<>();

	private final Map<Balancer.Kind, Balancer> balancers = new HashMap<>();

	private Cluster(Path dir, String databaseUrl) {
		this.dir = dir;
		this.databaseUrl = databaseUrl;
	}

	static Cluster start() throws IOException {
		Cluster cluster = new Cluster(Files.createTempDirectory("ferry-cluster-"), Databases.createPostgresDatabase());
		try {
			for (int i = 0; i < NODES; i++) {
				cluster.ports[i] = FreePorts.take();
			}
			// The first node creates the keyset, the schema and the administrator; the
			// others then start together.
			cluster.startNode(0);
			List<CompletableFuture<Void>> others = new ArrayList<>();
			for (int i = 1; i < NODES; i++) {
				int node = i;
				others.add(CompletableFuture.runAsync(() -> cluster.startNode(node)));
			}
			others.forEach(Cluster::join);
			for (Balancer.Kind kind : Balancer.Kind.values()) {
				cluster.balancers.put(kind, Balancer.start(kind, cluster.dir.resolve(kind.name()), cluster.ports));
			}
			return cluster;
		}
		catch (RuntimeException | IOException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * The blob store the nodes share: one fresh bucket on the S3 server (S3Proxy) of
	 * {@code bin/test-services}, as a real deployment shares S3, never a common disk.
	 */
	private Map<String, String> sharedStorage() {
		return Map.of("FERRY_STORAGE", "s3", "FERRY_S3_ENDPOINT", S3TestServer.endpoint(), "FERRY_S3_BUCKET", bucket,
				"FERRY_S3_ACCESS_KEY", S3TestServer.accessKey(), "FERRY_S3_SECRET_KEY", S3TestServer.secretKey(),
				"FERRY_S3_PATH_STYLE", "true");
	}

	private Map<String, String> environment(int node) {
		Map<String, String> environment = new HashMap<>(sharedStorage());
		environment.put("FERRY_DB_URL", databaseUrl);
		environment.put("FERRY_DB_USER", Databases.postgresUser());
		environment.put("FERRY_KEYSET_FILE", dir.resolve("keys").resolve("kek.json").toString());
		environment.put("FERRY_REDIS_URL", redisUrl);
		environment.put("FERRY_NODE_NAME", name(node));
		// Every node sweeps every second, so the nodes race for each ended transfer.
		environment.put("FERRY_SHARE_SWEEP_INTERVAL", "1s");
		// The jobs: looked for often, a killed node's run taken over soon, and the probe
		// job of dev.ferry.jobs.ProbeJobConfiguration every second.
		environment.put("FERRY_JOBS_POLL_INTERVAL", "300ms");
		environment.put("FERRY_JOBS_HEARTBEAT_INTERVAL", "2s");
		environment.put("FERRY_TEST_JOB_PROBE_INTERVAL", "1s");
		// Webhooks to the test's receiver on loopback, a failing delivery given up soon.
		environment.put("FERRY_WEBHOOKS_ALLOW_PRIVATE", "true");
		environment.put("FERRY_WEBHOOKS_RETRY_DELAY", "200ms");
		environment.put("FERRY_WEBHOOKS_MAX_ATTEMPTS", "3");
		// Three JVMs start at once on a small machine: the quick compiler alone starts
		// them sooner, and the serial collector keeps them from competing for the cores.
		environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
		return environment;
	}

	private void startNode(int node) {
		try {
			nodes[node] = FerryProcess.fromTestClasspath()
				.dataDir(dir.resolve(name(node)))
				.log(dir.resolve(name(node) + ".log"))
				.env("FERRY_PORT", String.valueOf(ports[node]))
				.env(environment(node))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String name(int node) {
		return "node-" + (node + 1);
	}

	/** The node called {@code name}. */
	public static int index(String name) {
		return Integer.parseInt(name.substring("node-".length())) - 1;
	}

	/** The direct address of one node, bypassing the balancers. */
	public String node(int node) {
		return "http://127.0.0.1:" + ports[node];
	}

	/** Runs a {@code SELECT COUNT(*)} with one parameter on the nodes' database. */
	public long count(String sql, String parameter) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl, Databases.postgresUser(), null);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/** Runs a query of two text columns with one parameter on the nodes' database. */
	public List<String[]> rows(String sql, String parameter) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl, Databases.postgresUser(), null);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			List<String[]> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(new String[] { result.getString(1), result.getString(2) });
				}
			}
			return rows;
		}
	}

	/** Runs an {@code UPDATE} with one parameter on the nodes' database. */
	public int update(String sql, String parameter) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl, Databases.postgresUser(), null);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			return statement.executeUpdate();
		}
	}

	public Balancer balancer(Balancer.Kind kind) {
		return balancers.get(kind);
	}

	/**
	 * SIGKILL for one node, then starts it again on the same port and data in the
	 * background; {@link #awaitAllNodes()} waits for it.
	 */
	public synchronized void killAndRestart(int node) throws InterruptedException {
		nodes[node].kill();
		restarts.add(CompletableFuture.runAsync(() -> startNode(node)));
	}

	/** Waits until every killed node answers again. */
	public synchronized void awaitAllNodes() {
		restarts.forEach(Cluster::join);
		restarts.clear();
	}

	@Override
	public void close() {
		List<Throwable> failures = new ArrayList<>();
		for (Balancer balancer : balancers.values()) {
			balancer.close();
		}
		for (CompletableFuture<Void> restart : restarts) {
			restart.handle((ok, failed) -> null).join();
		}
		for (FerryProcess node : nodes) {
			try {
				if (node != null) {
					node.close();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failures.add(ex);
			}
		}
		Databases.dropPostgresDatabase(databaseUrl);
		deleteTree(dir, failures);
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Stopping the cluster failed", failures.get(0));
		}
	}

	/** The nodes' logs go too: a failing test has already reported what it saw. */
	private static void deleteTree(Path root, List<Throwable> failures) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			failures.add(ex);
		}
	}

	private static void join(CompletableFuture<Void> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/**
	 * The shared Redis, in a database of this test JVM's own ({@code ferry.test.fork},
	 * set by Surefire per fork): the suite runs in two JVMs, each may start a cluster,
	 * and two clusters counting sign-ins and requests from 127.0.0.1 in the same keys
	 * would run into each other's rate limits.
	 */
	private static String redisOfThisJvm() {
		return requiredEnv("FERRY_TEST_REDIS_URL").replaceFirst("/\\d*$", "") + "/"
				+ Integer.getInteger("ferry.test.fork", 0);
	}

	static String requiredEnv(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set: the cluster test needs the services bin/test starts. "
					+ "Run bin/test, or eval \"$(bin/test-services)\" before mvn.");
		}
		return value;
	}

}
