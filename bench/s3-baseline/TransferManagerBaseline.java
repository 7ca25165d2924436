import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The baseline of bench/s3.sh: the AWS SDK v2's own S3TransferManager moving a file to and
 * from S3Proxy, configured as the AWS CLI's "aws s3 cp" is by default (multipart above
 * 8 MiB, 8 MiB parts or ranges, 10 concurrent requests).
 *
 * <p>
 * Two clients, because S3Proxy 4.1 serves neither of the SDK's clients in both directions:
 * uploads go through the Java-based multipart S3AsyncClient over Netty (the CRT-based client
 * cannot read S3Proxy's answer to CreateMultipartUpload, "Upload Id not found"), downloads
 * through the CRT-based client, which fetches ranges in parallel (the Java-based one asks
 * for "GET ?partNumber=", which S3Proxy answers with 501 Not Implemented). Uploads send no
 * request checksums (S3Proxy answers 501 to the aws-chunked trailer they travel in; Ferry
 * sends CRC32C with every part), so the baseline is cheaper than Ferry's path, not dearer.
 *
 * <p>
 * Run as a coprocess so the JVM is warm for every run, as the Ferry nodes are: it warms up
 * once, prints "ready", then answers each line on stdin, the path of a file, with one timed
 * round trip of it: upload, download to a file in the work directory (as "aws s3 cp
 * s3://... file" does), delete.
 * The answer is "&lt;upload bytes/s&gt; &lt;download bytes/s&gt; &lt;requests of the
 * Java-based client by operation&gt;", so they show how the upload was split.
 *
 * <p>
 * Arguments: endpoint bucket access-key secret-key work-directory.
 */
public final class TransferManagerBaseline {

	private static final long MIB = 1024 * 1024;

	/** The AWS CLI's defaults: multipart_threshold, multipart_chunksize, max_concurrent_requests. */
	private static final long PART_SIZE = 8 * MIB;

	private static final int CONCURRENCY = 10;

	private static final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		if (args.length != 5) {
			System.err.println("usage: TransferManagerBaseline <endpoint> <bucket> <key> <secret> <work directory>");
			System.exit(2);
		}
		String bucket = args[1];
		Path work = Path.of(args[4]);
		Path copy = work.resolve("baseline-download.bin");
		URI endpoint = URI.create(args[0]);
		try (S3AsyncClient s3 = javaClient(endpoint, args[2], args[3]);
				S3AsyncClient crt = crtClient(endpoint, args[2], args[3]);
				S3TransferManager uploads = S3TransferManager.builder().s3Client(s3).build();
				S3TransferManager downloads = S3TransferManager.builder().s3Client(crt).build()) {
			s3.createBucket((b) -> b.bucket(bucket)).join();
			Round round = new Round(uploads, downloads, s3, bucket, copy);
			Path warm = work.resolve("baseline-warm-up.bin");
			Files.write(warm, new byte[(int) (64 * MIB)]);
			round.run(warm, "warm-up");
			Files.delete(warm);
			requests.clear();
			System.out.println("ready");
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			int runs = 0;
			for (String line = commands.readLine(); line != null; line = commands.readLine()) {
				runs++;
				long[] rates = round.run(Path.of(line), "run-" + runs);
				System.out.println(rates[0] + " " + rates[1] + " " + requestCounts());
				requests.clear();
			}
		}
	}

	private static S3AsyncClient javaClient(URI endpoint, String key, String secret) {
		return S3AsyncClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			// No checksums: S3Proxy answers 501 to the aws-chunked trailer they travel in.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
			.multipartEnabled(true)
			.multipartConfiguration(MultipartConfiguration.builder()
				.thresholdInBytes(PART_SIZE)
				.minimumPartSizeInBytes(PART_SIZE)
				.build())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(CONCURRENCY))
			.overrideConfiguration((config) -> config.addExecutionInterceptor(new CountRequests()))
			.build();
	}

	/** Counts no requests: the CRT-based client takes no interceptors. */
	private static S3AsyncClient crtClient(URI endpoint, String key, String secret) {
		return S3AsyncClient.crtBuilder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
			.thresholdInBytes(PART_SIZE)
			.minimumPartSizeInBytes(PART_SIZE)
			.maxConcurrency(CONCURRENCY)
			.build();
	}

	private static String requestCounts() {
		return new TreeMap<>(requests).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().sum())
			.collect(Collectors.joining(","));
	}

	/** One timed upload, download and delete; returns bytes per second of each transfer. */
	private record Round(S3TransferManager uploads, S3TransferManager downloads, S3AsyncClient s3, String bucket,
			Path copy) {

		long[] run(Path source, String key) throws IOException {
			long size = Files.size(source);
			long start = System.nanoTime();
			this.uploads.uploadFile((u) -> u.source(source).putObjectRequest((p) -> p.bucket(this.bucket).key(key)))
				.completionFuture()
				.join();
			long uploaded = System.nanoTime();
			Files.deleteIfExists(this.copy);
			this.downloads
				.downloadFile((d) -> d.destination(this.copy).getObjectRequest((g) -> g.bucket(this.bucket).key(key)))
				.completionFuture()
				.join();
			long downloaded = System.nanoTime();
			if (Files.size(this.copy) != size) {
				throw new IllegalStateException("downloaded " + Files.size(this.copy) + " of " + size + " bytes");
			}
			Files.delete(this.copy);
			this.s3.deleteObject((d) -> d.bucket(this.bucket).key(key)).join();
			return new long[] { rate(size, uploaded - start), rate(size, downloaded - uploaded) };
		}

		private static long rate(long bytes, long nanos) {
			return Math.round(bytes * 1e9 / nanos);
		}

	}

	/** Counts the S3 requests by operation, so the output shows how the upload was split. */
	private static final class CountRequests implements ExecutionInterceptor {

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
			requests.computeIfAbsent(operation, (name) -> new LongAdder()).increment();
		}

		/**
		 * S3Proxy answers 501 Not Implemented to the optional size check the multipart client
		 * adds to CompleteMultipartUpload; AWS accepts it, and the parts carry the size anyway.
		 */
		@Override
		public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
			if (context.request() instanceof CompleteMultipartUploadRequest complete) {
				return complete.toBuilder().mpuObjectSize(null).build();
			}
			return context.request();
		}

	}

}
