package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * A resumable, verified download: bytes go to {@code PATH.part}, a rerun continues with
 * {@code Range} and {@code If-Range}, and only content whose SHA-256 matches becomes
 * {@code PATH}.
 */
final class Downloader {

	private static final int BUFFER = 64 * 1024;

	/**
	 * What to fetch. {@code sha256} is the whole digest or, for share links, the ETag's
	 * first 32 hex digits of it; the ETag is that prefix in quotes (docs/files.md). It is
	 * null when the server names none: a watermarked link stamps new bytes at every
	 * download, so nothing can be verified, kept or resumed.
	 */
	record Source(URI uri, Map<String, String> headers, boolean authenticated, long size, String sha256) {

		boolean verifiable() {
			return sha256 != null && sha256.length() >= 32;
		}

		String etag() {
			return "\"" + sha256.substring(0, 32).toLowerCase(Locale.ROOT) + "\"";
		}

	}

	/** Where the bytes went and from which offset this run continued. */
	record Saved(Path path, long resumedAt, boolean alreadyThere) {
	}

	private final Api api;

	private final Progress progress;

	Downloader(Api api, Progress progress) {
		this.api = api;
		this.progress = progress;
	}

	Saved save(Source source, Path target, boolean force) throws IOException {
		if (Files.exists(target)) {
			if (source.verifiable() && Files.isRegularFile(target) && matches(Hashes.sha256(target), source.sha256())) {
				return new Saved(target, source.size(), true);
			}
			if (!force) {
				throw new CliException(ExitCode.REFUSED,
						target + " already exists" + (source.verifiable() ? " with other content" : "") + "; "
								+ "choose another name with -o or replace it with --force.");
			}
		}
		Path part = target.resolveSibling(target.getFileName() + ".part");
		if (!source.verifiable()) {
			// Nothing tells whether its bytes are of the copy the server would send now.
			Files.deleteIfExists(part);
		}
		long resumedAt = fetch(source, part);
		String local = Hashes.sha256(part);
		if (source.verifiable() && !matches(local, source.sha256())) {
			Files.delete(part);
			throw new CliException(ExitCode.VERIFY,
					"The downloaded bytes of " + target + " have SHA-256 " + local + " but the server says "
							+ source.sha256() + "; the partial file was removed, run the command again.");
		}
		try {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return new Saved(target, resumedAt, false);
	}

	private static boolean matches(String local, String expected) {
		return local.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT));
	}

	/** Appends what is missing to {@code part}; answers the offset it resumed from. */
	private long fetch(Source source, Path part) throws IOException {
		progress.expect(source.size());
		long have = Files.isRegularFile(part) ? Files.size(part) : 0;
		if (have > source.size()) {
			Files.delete(part);
			have = 0;
		}
		if (have == source.size()) {
			progress.skipped(have);
			return have;
		}
		long offset = have;
		// If-Range: should the content differ from what the part file holds, the server
		// sends the whole file instead of a range of something else.
		HttpResponse<InputStream> response = api.stream(() -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(source.uri()).GET();
			source.headers().forEach(request::header);
			if (offset > 0) {
				request.header("Range", "bytes=" + offset + "-").header("If-Range", source.etag());
			}
			return request;
		}, source.authenticated());
		boolean append = response.statusCode() == 206;
		if (response.statusCode() != 200 && !append) {
			try (InputStream error = response.body()) {
				throw Problems.of(response.statusCode(), new String(error.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		long start = append ? offset : 0;
		progress.skipped(start);
		try (InputStream in = response.body();
				OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
			byte[] buffer = new byte[BUFFER];
			for (int read = receive(in, buffer); read > -1; read = receive(in, buffer)) {
				out.write(buffer, 0, read);
				progress.advance(read);
			}
		}
		return start;
	}

	/** A broken connection is the server's side; a failing write stays a local error. */
	private int receive(InputStream in, byte[] buffer) {
		try {
			return in.read(buffer);
		}
		catch (IOException ex) {
			throw Api.unreachable(api.server(), ex);
		}
	}

}
