package dev.ferry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "ls", mixinStandardHelpOptions = true,
		description = "List your files: id, size, date and path. Without a folder: all files.",
		footerHeading = "%nExamples:%n",
		footer = { "  ferry ls", "  ferry ls /work -r", "  ferry ls /work --json | jq -r '.[] | .id + \" \" + .path'" })
final class LsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Parameters(arity = "0..1", paramLabel = "/FOLDER", description = "Only this folder.")
	String folder;

	@Option(names = { "-r", "--recursive" }, description = "With the folder's subfolders.")
	boolean recursive;

	@Override
	public Integer call() {
		Api api = Api.signedIn(Config.locate());
		ArrayNode files = list(api, (folder != null) ? Remote.folder(folder) : null, recursive);
		StringBuilder text = new StringBuilder();
		for (JsonNode file : files) {
			text.append(String.format("%s  %10s  %s  %s%n", file.path("id").asString(),
					Sizes.bytes(file.path("size").asLong()),
					file.path("created_at").asString().replaceFirst("\\..*Z$", "Z"), file.path("path").asString()));
		}
		output.print(spec.commandLine().getOut(), files, text.toString().stripTrailing());
		return ExitCode.OK;
	}

	/** Every page of {@code GET /api/v1/files}. */
	static ArrayNode list(Api api, String folder, boolean recursive) {
		ArrayNode files = Json.MAPPER.createArrayNode();
		String cursor = null;
		do {
			StringBuilder query = new StringBuilder("/api/v1/files?limit=500");
			if (folder != null) {
				query.append("&path=").append(Api.query(folder)).append("&recursive=").append(recursive);
			}
			if (cursor != null) {
				query.append("&cursor=").append(Api.query(cursor));
			}
			JsonNode page = api.get(query.toString());
			page.path("items").forEach(files::add);
			cursor = Json.text(page.path("next_cursor"));
		}
		while (cursor != null);
		return files;
	}

}
