package dev.ferry.upload;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: uploads one file to a running server with tus-java-client,
 * {@code chunk} bytes per PATCH, and prints one line with bytes, seconds and MB/s (for
 * bench/throughput.sh). Credentials come from the environment: {@code FERRY_TOKEN}, or
 * {@code FERRY_EMAIL} and {@code FERRY_PASSWORD}.
 *
 * <pre>
 * java -cp "$CP" dev.ferry.upload.TusUploadBench http://127.0.0.1:8080 /tmp/1g.bin 67108864
 * </pre>
 */
final class TusUploadBench {

	private static final int DEFAULT_CHUNK = 64 * 1024 * 1024;

	private TusUploadBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: TusUploadBench <server-url> <file> [bytes-per-patch]");
			System.exit(2);
		}
		String server = args[0].replaceAll("/+$", "");
		File file = new File(args[1]);
		int chunk = (args.length > 2) ? Integer.parseInt(args[2]) : DEFAULT_CHUNK;

		TusClient client = new TusClient();
		client.setUploadCreationURL(new URL(server + "/api/v1/uploads"));
		client.setHeaders(Map.of("Authorization", "Bearer " + token(server)));
		TusUpload upload = new TusUpload(file);
		upload.setMetadata(Map.of("filename", "bench-" + System.nanoTime() + "-" + file.getName(), "path", "/bench"));

		long start = System.nanoTime();
		TusUploader uploader = client.createUpload(upload);
		uploader.setChunkSize(Math.min(chunk, 8 * 1024 * 1024));
		uploader.setRequestPayloadSize(chunk);
		while (uploader.uploadChunk() > -1) {
			// uploadChunk streams the next piece of the current PATCH
		}
		uploader.finish();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("tus bytes=%d seconds=%.3f mb_per_s=%.1f bytes_per_patch=%d url=%s%n", file.length(), seconds,
				file.length() / seconds / 1e6, chunk, uploader.getUploadURL());
	}

	private static String token(String server) throws Exception {
		String token = System.getenv("FERRY_TOKEN");
		if (token != null && !token.isBlank()) {
			return token;
		}
		String body = JsonMapper.builder()
			.build()
			.writeValueAsString(
					Map.of("email", System.getenv("FERRY_EMAIL"), "password", System.getenv("FERRY_PASSWORD")));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Sign-in failed with " + response.statusCode() + ": " + response.body());
		}
		return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
	}

}
