package dev.ferry.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Node receiver (src/test/js/webhook-receiver.mjs) that checks each delivery with the
 * {@code standardwebhooks} npm package; every request it saw, as JSON.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final Path PROJECT = Path.of("src", "test", "js").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger secrets = new AtomicInteger();

	private final int port;

	public WebhookReceiver() throws IOException, InterruptedException {
		install();
		process = new ProcessBuilder("node", PROJECT.resolve("webhook-receiver.mjs").toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Thread reader = new Thread(() -> {
			try {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					JsonNode json = JSON.readTree(line);
					if (json.has("secrets")) {
						secrets.set(json.get("secrets").asInt());
					}
					else {
						seen.add(json);
					}
				}
			}
			catch (IOException ex) {
				// The receiver was stopped.
			}
		}, "webhook-receiver");
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
		port = seen.remove(0).get("port").asInt();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** The webhook's secret, handed over on stdin; returns once the receiver uses it. */
	public void secret(String secret) throws IOException {
		int before = secrets.get();
		OutputStream in = process.getOutputStream();
		in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush();
		await().atMost(Duration.ofSeconds(30)).until(() -> secrets.get() > before);
	}

	public List<JsonNode> requests() {
		return seen;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

	private static void install() throws IOException, InterruptedException {
		if (!Files.isDirectory(PROJECT.resolve("node_modules").resolve("standardwebhooks"))) {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", PROJECT.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0).as(output).isTrue();
		}
	}

}
