package dev.ferry.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "download", mixinStandardHelpOptions = true,
		description = {
				"Download one of your files by id or remote path, or the files of a share link (resumable, verified).",
				"Bytes go to PATH.part first; an interrupted download continues from there when you run the same "
						+ "command again (HTTP Range). The finished file is checked against the server's SHA-256 "
						+ "before it is renamed to PATH. A share link needs no sign-in.",
				"With --e2e the files of an end-to-end encrypted transfer are decrypted here (age): the key "
						+ "is the link's #AGE-SECRET-KEY-1... part, an age key file (--identity) or the passphrase "
						+ "(--passphrase); names come from the transfer's encrypted manifest. Quote the link: # starts "
						+ "a comment in most shells." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry download 3f0c5d1e-8a4b-4c7e-9d2f-1a2b3c4d5e6f",
				"  ferry download /work/report.pdf -o ~/Desktop/",
				"  ferry download /work/report.pdf -o copy.pdf --json",
				"  ferry download https://ferry.example.com/s/Xy3... -o ~/Downloads/ --password",
				"  ferry download --e2e 'https://ferry.example.com/s/Xy3...#AGE-SECRET-KEY-1...' -o ~/Downloads/",
				"  ferry download --e2e https://ferry.example.com/s/Xy3... --identity key.txt",
				"  ferry download --e2e https://ferry.example.com/s/Xy3... --passphrase" })
final class DownloadCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Parameters(index = "0", paramLabel = "FILE_ID|/PATH|LINK",
			description = "The file's id or remote path, or a share link (https://.../s/TOKEN).")
	String file;

	@Option(names = { "-o", "--output" }, paramLabel = "PATH",
			description = "Where to save it: a file name, or an existing folder (default: the current folder). "
					+ "A link with several files needs a folder.")
	Path out;

	@Option(names = "--force", description = "Replace PATH when it exists with other content.")
	boolean force;

	@Option(names = "--password", arity = "0..1", fallbackValue = "", paramLabel = "PASSWORD",
			description = "The share link's password; without a value (last, or before another option) it is asked "
					+ "for or read from standard input.")
	String password;

	@Option(names = "--e2e",
			description = "Decrypt the files of an end-to-end encrypted transfer (age) after the download.")
	boolean e2e;

	@Option(names = "--identity", paramLabel = "FILE",
			description = "With --e2e: an age key file (as age-keygen writes it) instead of the link's #key.")
	Path identityFile;

	@Mixin
	PassphraseOptions passphrase;

	@Override
	public Integer call() throws IOException {
		int link = file.indexOf("/s/");
		if (file.matches("(?i)https?://.*") && link > 0) {
			AgeKey key = e2e ? E2eFiles.key(file, identityFile, passphrase) : null;
			return shareLink(LoginCommand.normalize(file.substring(0, link)), file.substring(link + 3), key);
		}
		if (e2e || passphrase.given()) {
			throw new CliException(ExitCode.USAGE, "--e2e works with a share link (https://.../s/TOKEN#KEY).");
		}
		Api api = Api.signedIn(Config.locate());
		JsonNode meta = Remote.resolve(api, file);
		String id = meta.path("id").asString();
		Downloader.Source source = new Downloader.Source(api.uri("/api/v1/files/" + id + "/download"), Map.of(), true,
				meta.path("size").asLong(), meta.path("sha256").asString());
		Downloader.Saved saved;
		try (Progress progress = new Progress(Progress.wanted(output), System.err, "download")) {
			saved = new Downloader(api, progress).save(source, target(meta.path("name").asString(), id, false), force);
		}
		ArrayNode json = Json.MAPPER.createArrayNode();
		StringBuilder text = new StringBuilder();
		describe(json, text, id, source, saved);
		output.print(spec.commandLine().getOut(), json.get(0), text.toString().stripTrailing());
		return ExitCode.OK;
	}

	private int shareLink(String server, String token, AgeKey key) throws IOException {
		Api api = Api.anonymous(Config.locate(), server);
		String share = "/api/v1/share/" + token.replaceAll("[/?#].*$", "");
		JsonNode info = Api
			.check(api.sendAnonymous(HttpRequest.newBuilder(api.uri(share)).header("Accept", "application/json")));
		String session = null;
		if (!info.path("unlocked").asBoolean(false)) {
			if (info.path("email_verification_required").asBoolean(false)) {
				throw new CliException(ExitCode.AUTH,
						"This link asks the recipient to confirm an email address; open it in a browser.");
			}
			session = unlock(api, share);
			info = Api.check(api.sendAnonymous(HttpRequest.newBuilder(api.uri(share))
				.header("Accept", "application/json")
				.header("X-Share-Session", session)));
		}
		JsonNode files = info.path("files");
		Map<String, String> names = (key != null) ? E2eFiles.names(info, key) : Map.of();
		boolean several = files.size() > 1;
		// Files of one name from two folders are saved side by side.
		Set<String> taken = new HashSet<>();
		ArrayNode json = Json.MAPPER.createArrayNode();
		StringBuilder text = new StringBuilder();
		try (Progress progress = new Progress(Progress.wanted(output), System.err, "download")) {
			Downloader downloader = new Downloader(api, progress);
			for (JsonNode entry : files) {
				URI uri = api.uri(share + "/files/" + entry.path("id").asString() + "/download");
				Map<String, String> headers = (session != null) ? Map.of("X-Share-Session", session) : Map.of();
				String etag = etag(api, uri, headers);
				Downloader.Source source = new Downloader.Source(uri, headers, false, entry.path("size").asLong(),
						etag);
				String id = entry.path("id").asString();
				String name = entry.path("name").asString();
				String safe = E2eFiles.safeName((key != null) ? E2eFiles.plainName(names, id, name) : name);
				Path target = target(E2eSend.freeName((safe != null) ? safe : id, taken), id, several);
				Downloader.Saved saved;
				if (key == null) {
					saved = downloader.save(source, target, force);
				}
				else {
					// A name of its own beside the target, so that a file of the user's
					// called NAME.age is never overwritten.
					Downloader.Saved sealed = downloader.save(source,
							target.resolveSibling("." + target.getFileName() + ".ferry-e2e.age"), true);
					E2eFiles.open(sealed.path(), target, key, force);
					saved = new Downloader.Saved(target, sealed.resumedAt(), false);
					// --json describes the plaintext, not the ciphertext the server knows
					source = new Downloader.Source(uri, headers, false, Files.size(target), Hashes.sha256(target));
				}
				describe(json, text, id, source, saved);
			}
		}
		output.print(spec.commandLine().getOut(), json, text.toString().stripTrailing());
		return ExitCode.OK;
	}

	/**
	 * A HEAD (never counted as a download) tells the ETag: the first half of the SHA-256.
	 */
	private static String etag(Api api, URI uri, Map<String, String> headers) {
		HttpRequest.Builder head = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody());
		headers.forEach(head::header);
		HttpResponse<String> response = api.sendAnonymous(head);
		if (response.statusCode() != 200) {
			throw Problems.of(response.statusCode(), "");
		}
		return response.headers().firstValue("ETag").map((etag) -> etag.replaceAll("^W/|\"", "")).orElse(null);
	}

	private String unlock(Api api, String share) {
		if (password == null && System.console() == null) {
			throw new CliException(ExitCode.AUTH, "This link has a password; pass it with --password.");
		}
		String secret = Secrets.resolve(password, "Password of the link: ", "--password");
		JsonNode session = Api.check(api.sendAnonymous(HttpRequest.newBuilder(api.uri(share + "/unlock"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("password", secret))))));
		return session.path("session_token").asString();
	}

	/**
	 * Where a file of a share link goes; its name is the server's, and a link may point
	 * at any server: only the name's last part counts ({@code ../x} and {@code /etc/x}
	 * are {@code x}), and the file's id where none is left.
	 */
	private Path target(String serverName, String id, boolean several) {
		String safe = E2eFiles.safeName(serverName);
		String name = (safe != null) ? safe : id;
		if (out == null) {
			return Path.of(name);
		}
		if (Files.isDirectory(out)) {
			return out.resolve(name);
		}
		if (several) {
			throw new CliException(ExitCode.USAGE, "This link has several files: -o must be an existing folder.");
		}
		return out;
	}

	private static void describe(ArrayNode json, StringBuilder text, String id, Downloader.Source source,
			Downloader.Saved saved) {
		json.add(Json.object()
			.put("id", id)
			.put("path", saved.path().toAbsolutePath().toString())
			.put("size", source.size())
			.put("sha256", source.sha256())
			.put("resumed_at", saved.resumedAt()));
		text.append(saved.path())
			.append("  ")
			.append(Sizes.bytes(source.size()))
			.append(saved.alreadyThere() ? "  (already there)"
					: source.verifiable() ? "  (sha256 verified)" : "  (not verified: a new copy at every download)")
			.append(System.lineSeparator());
	}

}
