package dev.ferry.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "rm", mixinStandardHelpOptions = true,
		description = { "Delete files by id or remote path.",
				"They go to the trash, where the web UI can restore them until the server empties it "
						+ "(FERRY_TRASH_DAYS, 30 by default; a server with 0 keeps no trash). With --permanent "
						+ "the server destroys their content at once (crypto-shredding): there is no undo." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry rm /work/old.pdf", "  ferry rm 3f0c5d1e-8a4b-4c7e-9d2f-1a2b3c4d5e6f /work/draft.txt",
				"  ferry rm --permanent /work/secret.pdf" })
final class RmCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Parameters(arity = "1..*", paramLabel = "FILE_ID|/PATH", description = "The files to delete.")
	List<String> files;

	@Option(names = "--permanent", description = "Skip the trash: destroy the content now.")
	boolean permanent;

	@Override
	public Integer call() {
		Api api = Api.signedIn(Config.locate());
		ArrayNode deleted = Json.MAPPER.createArrayNode();
		StringBuilder text = new StringBuilder();
		for (String file : files) {
			JsonNode meta = Remote.resolve(api, file);
			api.delete("/api/v1/files/" + meta.path("id").asString() + (permanent ? "?permanent=true" : ""));
			deleted.add(Json.object()
				.put("id", meta.path("id").asString())
				.put("path", meta.path("path").asString())
				.put("permanent", permanent));
			text.append(permanent ? "Destroyed " : "Deleted ")
				.append(meta.path("path").asString())
				.append(System.lineSeparator());
		}
		output.print(spec.commandLine().getOut(), deleted, text.toString().stripTrailing());
		return ExitCode.OK;
	}

}
