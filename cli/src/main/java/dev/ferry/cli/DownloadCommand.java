package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "download", mixinStandardHelpOptions = true,
		description = { "Download one of your files by id or remote path (resumable, verified).",
				"Bytes go to PATH.part first; an interrupted download continues from there when you run the same "
						+ "command again (HTTP Range). The finished file is checked against the server's SHA-256 "
						+ "before it is renamed to PATH." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry download 3f0c5d1e-8a4b-4c7e-9d2f-1a2b3c4d5e6f",
				"  ferry download /work/report.pdf -o ~/Desktop/",
				"  ferry download /work/report.pdf -o copy.pdf --json" })
final class DownloadCommand implements Callable<Integer> {

	private static final int BUFFER = 64 * 1024;

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Parameters(index = "0", paramLabel = "FILE_ID|/PATH", description = "The file's id or its remote path.")
	String file;

	@Option(names = { "-o", "--output" }, paramLabel = "PATH",
			description = "Where to save it: a file name, or an existing folder (default: the current folder).")
	Path out;

	@Option(names = "--force", description = "Replace PATH when it exists with other content.")
	boolean force;

	@Override
	public Integer call() throws IOException {
		Api api = Api.signedIn(Config.locate());
		JsonNode meta = Remote.resolve(api, file);
		String id = meta.path("id").asString();
		String name = meta.path("name").asString();
		long size = meta.path("size").asLong();
		String sha256 = meta.path("sha256").asString();
		Path target = (out == null) ? Path.of(name) : Files.isDirectory(out) ? out.resolve(name) : out;
		if (Files.exists(target)) {
			if (Files.isRegularFile(target) && Hashes.sha256(target).equalsIgnoreCase(sha256)) {
				return report(target, id, size, sha256, size, "already there");
			}
			if (!force) {
				throw new CliException(ExitCode.REFUSED, target + " already exists with other content; "
						+ "choose another name with -o or replace it with --force.");
			}
		}
		Path part = target.resolveSibling(target.getFileName() + ".part");
		long resumedAt = fetch(api, id, sha256, size, part);
		String local = Hashes.sha256(part);
		if (!local.equalsIgnoreCase(sha256)) {
			Files.delete(part);
			throw new CliException(ExitCode.VERIFY, "The downloaded bytes have SHA-256 " + local
					+ " but the server says " + sha256 + "; the partial file was removed, run the command again.");
		}
		try {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return report(target, id, size, sha256, resumedAt, "sha256 verified");
	}

	/** Appends what is missing to {@code part}; answers the offset it resumed from. */
	private long fetch(Api api, String id, String sha256, long size, Path part) throws IOException {
		long have = Files.isRegularFile(part) ? Files.size(part) : 0;
		if (have > size) {
			Files.delete(part);
			have = 0;
		}
		if (have == size) {
			return have;
		}
		long offset = have;
		// The ETag is the first 32 hex digits of the SHA-256 (docs/files.md): If-Range
		// makes
		// the server send the whole file instead of a range of different content.
		HttpResponse<InputStream> response = api.stream(() -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/files/" + id + "/download")).GET();
			if (offset > 0) {
				request.header("Range", "bytes=" + offset + "-")
					.header("If-Range", "\"" + sha256.substring(0, 32).toLowerCase() + "\"");
			}
			return request;
		});
		boolean append = response.statusCode() == 206;
		if (response.statusCode() != 200 && !append) {
			String body;
			try (InputStream error = response.body()) {
				body = new String(error.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			throw Problems.of(response.statusCode(), body);
		}
		long start = append ? offset : 0;
		try (Progress progress = new Progress(Progress.wanted(output), System.err, "download");
				InputStream in = response.body();
				OutputStream target = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
			progress.expect(size);
			progress.skipped(start);
			byte[] buffer = new byte[BUFFER];
			int read;
			while ((read = in.read(buffer)) > -1) {
				target.write(buffer, 0, read);
				progress.advance(read);
			}
		}
		catch (IOException ex) {
			throw Api.unreachable(api.server(), ex);
		}
		return start;
	}

	private int report(Path target, String id, long size, String sha256, long resumedAt, String note) {
		output.print(spec.commandLine().getOut(),
				Json.object()
					.put("id", id)
					.put("path", target.toAbsolutePath().toString())
					.put("size", size)
					.put("sha256", sha256)
					.put("resumed_at", resumedAt),
				target + "  " + Sizes.bytes(size) + "  (" + note + ")");
		return ExitCode.OK;
	}

}
