package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "upload", mixinStandardHelpOptions = true, description = { "Upload files and folders (tus, resumable).",
		"A folder is uploaded with its name and subfolders, like cp -r. An interrupted upload continues "
				+ "where it stopped when you run the same command again (same file, size and modification time). "
				+ "Each file is checked against the SHA-256 the server computed." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry upload report.pdf", "  ferry upload report.pdf photos/ --to /work/2026",
				"  ferry upload big.iso --parallel 1 --limit-rate 5M",
				"  ferry upload *.log --to /logs --json | jq -r '.[].id'" })
final class UploadCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Mixin
	TransferOptions transfer;

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files and folders to upload.")
	List<Path> paths;

	@Option(names = "--to", paramLabel = "/FOLDER", defaultValue = "/",
			description = "Remote folder (default: ${DEFAULT-VALUE}); created as needed.")
	String to;

	@Override
	public Integer call() {
		Uploads.Settings settings = transfer.settings();
		List<Uploads.Item> items = items(paths, Remote.folder(to));
		Config config = Config.locate();
		Api api = Api.signedIn(config);
		List<Uploads.Result> results;
		try (Progress progress = new Progress(Progress.wanted(output), System.err, "upload")) {
			results = new Uploads(api, config, settings, progress).upload(items);
		}
		ArrayNode json = Json.MAPPER.createArrayNode();
		StringBuilder text = new StringBuilder();
		for (Uploads.Result result : results) {
			json.addPOJO(result);
			text.append(String.format("%s  %s  %s  (sha256 verified)%n", result.id(), result.path(),
					Sizes.bytes(result.size())));
		}
		output.print(spec.commandLine().getOut(), json, text.toString().stripTrailing());
		return ExitCode.OK;
	}

	/**
	 * Files as given; a folder's regular files under {@code folder/<folder name>/...}.
	 */
	static List<Uploads.Item> items(List<Path> paths, String folder) {
		List<Uploads.Item> items = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isRegularFile(path)) {
				items.add(new Uploads.Item(path, folder));
			}
			else if (Files.isDirectory(path)) {
				Path base = path.toAbsolutePath().normalize();
				String root = Remote.child(folder, (base.getFileName() != null) ? base.getFileName().toString() : "");
				try (Stream<Path> files = Files.walk(base)) {
					// A link in the folder may point anywhere (~/.aws/credentials):
					// only what is really in it goes.
					files.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
						.sorted()
						.forEach((file) -> items
							.add(new Uploads.Item(file, Remote.under(root, base.relativize(file.getParent())))));
				}
				catch (IOException ex) {
					throw new CliException(ExitCode.ERROR, "Cannot read " + path + ": " + ex.getMessage() + ".");
				}
			}
			else {
				throw new CliException(ExitCode.NOT_FOUND, path + " does not exist or is not a regular file.");
			}
		}
		return items;
	}

}
