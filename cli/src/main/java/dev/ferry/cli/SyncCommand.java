package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "sync", mixinStandardHelpOptions = true, description = { "Mirror a local folder into a remote folder.",
		"Files are compared by SHA-256: only new and changed files are uploaded. A changed file is uploaded "
				+ "first and replaces the old one only once it is complete. With --delete, remote files that are "
				+ "not in the local folder are deleted. --dry-run only prints what would happen." },
		footerHeading = "%nExamples:%n", footer = { "  ferry sync ~/Documents/reports /reports --dry-run",
				"  ferry sync ~/Documents/reports /reports", "  ferry sync ./site /www --delete --json" })
final class SyncCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Mixin
	TransferOptions transfer;

	@Parameters(index = "0", paramLabel = "LOCAL_DIR", description = "The folder to mirror.")
	Path local;

	@Parameters(index = "1", paramLabel = "/REMOTE/FOLDER", description = "Where the mirror lives on the server.")
	String remote;

	@Option(names = "--delete", description = "Delete remote files that are not in LOCAL_DIR.")
	boolean delete;

	@Option(names = { "-n", "--dry-run" }, description = "Print the plan, change nothing.")
	boolean dryRun;

	/** One file of the plan, by its path relative to both roots. */
	record Change(String path, Path file, JsonNode existing) {
	}

	@Override
	public Integer call() throws IOException {
		if (!Files.isDirectory(local)) {
			throw new CliException(ExitCode.NOT_FOUND, local + " is not a folder.");
		}
		Uploads.Settings settings = transfer.settings();
		Config config = Config.locate();
		Api api = Api.signedIn(config);
		String root = Remote.folder(remote);
		Map<String, JsonNode> remoteFiles = new TreeMap<>();
		String prefix = root.equals("/") ? "/" : root + "/";
		for (JsonNode file : LsCommand.list(api, root, true)) {
			remoteFiles.put(nfc(file.path("path").asString().substring(prefix.length())), file);
		}
		List<Change> uploads = new ArrayList<>();
		List<Change> replaces = new ArrayList<>();
		int unchanged = 0;
		Path base = local.toAbsolutePath().normalize();
		for (Path file : localFiles(base)) {
			String path = nfc(base.relativize(file).toString().replace('\\', '/'));
			JsonNode existing = remoteFiles.remove(path);
			if (existing == null) {
				uploads.add(new Change(path, file, null));
			}
			else if (!Hashes.sha256(file).equalsIgnoreCase(existing.path("sha256").asString())) {
				replaces.add(new Change(path, file, existing));
			}
			else {
				unchanged++;
			}
		}
		List<Change> deletes = delete
				? remoteFiles.entrySet().stream().map((e) -> new Change(e.getKey(), null, e.getValue())).toList()
				: List.of();
		if (!dryRun) {
			apply(api, config, settings, root, uploads, replaces, deletes);
		}
		report(uploads, replaces, deletes, unchanged);
		return ExitCode.OK;
	}

	/**
	 * The server keeps names in NFC; a local name in another form (macOS's NFD, or a file
	 * copied from there) must still match its remote copy, or a sync would upload it as
	 * new and delete the copy with --delete.
	 */
	private static String nfc(String path) {
		return Normalizer.normalize(path, Normalizer.Form.NFC);
	}

	private void apply(Api api, Config config, Uploads.Settings settings, String root, List<Change> uploads,
			List<Change> replaces, List<Change> deletes) {
		List<Change> sending = new ArrayList<>(uploads);
		sending.addAll(replaces);
		List<Uploads.Item> items = sending.stream()
			.map((change) -> new Uploads.Item(change.file(), folderOf(root, change.path())))
			.toList();
		if (!items.isEmpty()) {
			List<Uploads.Result> results;
			try (Progress progress = new Progress(Progress.wanted(output), System.err, "sync")) {
				results = new Uploads(api, config, settings, progress).upload(items);
			}
			// A changed file becomes the new version of the old one (same id) once
			// complete;
			// an older server stored it next to it ("a (1).txt"): then the old one goes
			// and
			// the new one takes its name.
			for (int i = uploads.size(); i < sending.size(); i++) {
				JsonNode old = sending.get(i).existing();
				if (old.path("id").asString().equals(results.get(i).id())) {
					continue;
				}
				api.delete("/api/v1/files/" + old.path("id").asString());
				api.patch("/api/v1/files/" + results.get(i).id(),
						Json.object().put("name", old.path("name").asString()));
			}
		}
		for (Change change : deletes) {
			api.delete("/api/v1/files/" + change.existing().path("id").asString());
		}
	}

	private void report(List<Change> uploads, List<Change> replaces, List<Change> deletes, int unchanged) {
		ObjectNode json = Json.object().put("dry_run", dryRun);
		StringBuilder text = new StringBuilder();
		section(json, text, "upload", uploads);
		section(json, text, "replace", replaces);
		section(json, text, "delete", deletes);
		json.put("unchanged", unchanged);
		text.append(String.format("%s%d new, %d changed, %d deleted, %d unchanged.", dryRun ? "Dry run: " : "",
				uploads.size(), replaces.size(), deletes.size(), unchanged));
		output.print(spec.commandLine().getOut(), json, text.toString());
	}

	private static void section(ObjectNode json, StringBuilder text, String action, List<Change> changes) {
		var paths = json.putArray(action);
		for (Change change : changes) {
			paths.add(change.path());
			text.append(String.format("%-8s%s%n", action, change.path()));
		}
	}

	private static String folderOf(String root, String path) {
		int slash = path.lastIndexOf('/');
		return (slash < 0) ? root : Remote.child(root, path.substring(0, slash));
	}

	private static List<Path> localFiles(Path base) throws IOException {
		try (Stream<Path> files = Files.walk(base)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
