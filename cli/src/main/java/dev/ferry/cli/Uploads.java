package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tus.java.client.FingerprintNotFoundException;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.ResumingNotEnabledException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import tools.jackson.databind.JsonNode;

/**
 * Resumable uploads with tus-java-client, several files at once, each verified against
 * the SHA-256 the server computed while the bytes streamed in.
 */
final class Uploads {

	private static final Pattern FILE_LINK = Pattern.compile("</api/v1/files/([0-9a-fA-F-]{36})>");

	/** One local file and where it goes. */
	record Item(Path file, String folder) {
	}

	/** What the server stored. */
	record Result(String local, String id, String path, long size, String sha256, long resumedAt) {
	}

	private static final int BUFFER = 64 * 1024;

	private final Api api;

	private final UploadStore store;

	private final Settings settings;

	private final Progress progress;

	/**
	 * PATCH size, bytes per second per file (0: unlimited), and what an upload to a taken
	 * path does ({@code version}, the server's default, or {@code rename}).
	 */
	record Settings(int parallel, long chunkSize, long rateLimit, String onConflict) {

		/**
		 * The same, but a taken name gets a numbered one beside it: a transfer's file
		 * never becomes a new version of an earlier transfer's, whose links would then
		 * send it.
		 */
		Settings renaming() {
			return new Settings(parallel, chunkSize, rateLimit, "rename");
		}

	}

	Uploads(Api api, Config config, Settings settings, Progress progress) {
		this.api = api;
		this.store = new UploadStore(config);
		this.settings = settings;
		this.progress = progress;
	}

	List<Result> upload(List<Item> items) {
		api.me();
		items.forEach((item) -> progress.expect(size(item.file())));
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallel(), items.size())));
		try {
			List<Future<Result>> futures = new ArrayList<>();
			for (Item item : items) {
				futures.add(pool.submit(() -> uploadOne(item)));
			}
			List<Result> results = new ArrayList<>();
			CliException first = null;
			for (int i = 0; i < futures.size(); i++) {
				try {
					results.add(futures.get(i).get());
				}
				catch (ExecutionException ex) {
					CliException failure = Ferry.explain(ex.getCause());
					if (items.size() == 1) {
						throw failure;
					}
					progress.note("ferry: " + items.get(i).file() + ": " + failure.getMessage());
					first = (first != null) ? first : failure;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new CliException(ExitCode.ERROR, "Interrupted.");
				}
			}
			if (first != null) {
				throw new CliException(first.exitCode(), (items.size() - results.size()) + " of " + items.size()
						+ " uploads failed (see above); run the same command again to continue those that were cut off.");
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * An access token lives 15 minutes, less than a big upload takes: when the server
	 * refuses it, the session is refreshed and the upload continues from the server's
	 * offset.
	 */
	private Result uploadOne(Item item) throws IOException, ProtocolException {
		AtomicLong counted = new AtomicLong();
		for (int attempt = 1;; attempt++) {
			String authorization = api.authorization();
			try {
				return uploadOne(item, authorization, counted);
			}
			catch (ProtocolException ex) {
				if (status(ex) != 401 || attempt == 3 || api.credentials().refreshToken() == null) {
					throw ex;
				}
				api.refreshAfter(authorization.substring("Bearer ".length()));
			}
		}
	}

	/** {@code counted}: bytes of this file the progress bar has seen, across attempts. */
	private Result uploadOne(Item item, String authorization, AtomicLong counted)
			throws IOException, ProtocolException {
		Path file = item.file();
		TusClient client = new TusClient();
		client.setUploadCreationURL(api.uri("/api/v1/uploads").toURL());
		client.setHeaders(Map.of("Authorization", authorization, "User-Agent", "ferry-cli"));
		client.enableResuming(store);
		client.enableRemoveFingerprintOnSuccess();
		TusUpload upload = new TusUpload(file.toFile());
		upload.setFingerprint(String.join("|", api.server(), item.folder(), file.toAbsolutePath().toString(),
				Long.toString(Files.size(file)), Long.toString(Files.getLastModifiedTime(file).toMillis())));
		upload.setMetadata(Map.of("filename", file.getFileName().toString(), "folder", item.folder(), "on_conflict",
				settings.onConflict()));
		TusUploader uploader = resumeOrCreate(client, upload);
		long resumedAt = uploader.getOffset();
		progress.skipped(Math.max(0, resumedAt - counted.get()));
		counted.set(Math.max(counted.get(), resumedAt));
		uploader.setChunkSize((int) Math.min(BUFFER, settings.chunkSize()));
		uploader.setRequestPayloadSize((int) Math.min(Integer.MAX_VALUE, settings.chunkSize()));
		Throttle throttle = new Throttle(settings.rateLimit());
		int sent;
		while ((sent = uploader.uploadChunk()) > -1) {
			progress.advance(sent);
			counted.addAndGet(sent);
			throttle.after(sent);
		}
		uploader.finish();
		String id = fileOf(uploader.getUploadURL());
		JsonNode stored = api.get("/api/v1/files/" + id);
		String local = Hashes.sha256(file);
		String remote = stored.path("sha256").asString("");
		if (!local.equalsIgnoreCase(remote)) {
			throw new CliException(ExitCode.VERIFY, file + " was stored with SHA-256 " + remote
					+ " but the local file has " + local + "; upload it again.");
		}
		return new Result(file.toString(), id, stored.path("path").asString(), stored.path("size").asLong(), local,
				resumedAt);
	}

	/**
	 * Continues the stored upload; one the server no longer knows (expired, gone) starts
	 * afresh.
	 */
	private TusUploader resumeOrCreate(TusClient client, TusUpload upload) throws IOException, ProtocolException {
		try {
			return client.resumeUpload(upload);
		}
		catch (FingerprintNotFoundException | ResumingNotEnabledException ex) {
			return client.createUpload(upload);
		}
		catch (ProtocolException ex) {
			int status = status(ex);
			if (status == 404 || status == 410 || status == 403) {
				store.remove(upload.getFingerprint());
				return client.createUpload(upload);
			}
			throw ex;
		}
	}

	static CliException problem(ProtocolException ex) {
		HttpURLConnection connection = ex.getCausingConnection();
		int status = status(ex);
		if (connection == null || status < 0) {
			return new CliException(ExitCode.UNAVAILABLE, "The upload failed: " + ex.getMessage() + ".");
		}
		String body = "";
		try (InputStream error = connection.getErrorStream()) {
			if (error != null) {
				body = new String(error.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ignored) {
			// the status alone still says what happened
		}
		return Problems.of(status, body);
	}

	private static int status(ProtocolException ex) {
		try {
			return (ex.getCausingConnection() != null) ? ex.getCausingConnection().getResponseCode() : -1;
		}
		catch (IOException io) {
			return -1;
		}
	}

	/**
	 * The file the finished upload became, from the {@code Link: </api/v1/files/{id}>}
	 * the server names it with: a new version of a file at the same path keeps that
	 * file's id. Older servers send none; their file has the upload's id.
	 */
	private String fileOf(URL upload) {
		try {
			URI uri = upload.toURI();
			HttpResponse<InputStream> head = api.stream(() -> HttpRequest.newBuilder(uri)
				.header("Tus-Resumable", "1.0.0")
				.method("HEAD", HttpRequest.BodyPublishers.noBody()), true);
			head.body().close();
			Matcher link = FILE_LINK.matcher(head.headers().firstValue("Link").orElse(""));
			if (head.statusCode() / 100 == 2 && link.find()) {
				return link.group(1);
			}
		}
		catch (IOException | URISyntaxException ex) {
			// falls back to the upload's id below
		}
		return lastSegment(upload);
	}

	private static String lastSegment(URL url) {
		String path = url.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Cannot read " + file + ": " + ex.getMessage() + ".");
		}
	}

}
