package dev.ferry.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "share", mixinStandardHelpOptions = true,
		description = "Share files already on the server: creates a transfer with a link and prints the link.",
		footerHeading = "%nExamples:%n",
		footer = { "  ferry share /work/report.pdf",
				"  ferry share /work/a.pdf /work/b.pdf --expires 2d --max-downloads 1",
				"  ferry share /work/photos/beach.jpg --show-previews",
				"  ferry share 3f0c5d1e-8a4b-4c7e-9d2f-1a2b3c4d5e6f --password --to bob@example.com" })
final class ShareCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Mixin
	LinkOptions link;

	@Parameters(arity = "1..*", paramLabel = "FILE_ID|/PATH", description = "Files to share.")
	List<String> files;

	@Mixin
	TransferDetails details;

	@Override
	public Integer call() {
		Api api = Api.signedIn(Config.locate());
		List<JsonNode> resolved = files.stream().map((file) -> Remote.resolve(api, file)).toList();
		String name = details.name(resolved.stream().map((file) -> file.path("name").asString()).toList());
		JsonNode created = Transfers.create(api, name, details.message,
				resolved.stream().map((file) -> file.path("id").asString()).toList(), details.recipients, link);
		output.print(spec.commandLine().getOut(), Transfers.summary(created), Transfers.text(created));
		return ExitCode.OK;
	}

}
