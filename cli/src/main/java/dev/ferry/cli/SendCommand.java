package dev.ferry.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "send", mixinStandardHelpOptions = true,
		description = { "Upload files and send them as a transfer: prints the download link.",
				"The files go to the folder --folder (like the web UI's transfers), then a transfer with a link is "
						+ "created; with --to the server mails the link to each recipient." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry send report.pdf",
				"  ferry send report.pdf slides/ --expires 7d --max-downloads 3 --password",
				"  ferry send a.zip --to bob@example.com --to eve@example.com --title 'Q3 numbers' --message 'As promised.'",
				"  ferry send a.zip --json | jq -r .url" })
final class SendCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Mixin
	TransferOptions transfer;

	@Mixin
	LinkOptions link;

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files and folders to send.")
	List<Path> paths;

	@Mixin
	TransferDetails details;

	@Option(names = "--folder", paramLabel = "/FOLDER", defaultValue = "/Transfers",
			description = "Where the uploaded files are kept (default: ${DEFAULT-VALUE}).")
	String folder;

	@Override
	public Integer call() {
		// bad link options fail before anything is uploaded
		link.link();
		link.expiresAt();
		Uploads.Settings settings = transfer.settings();
		List<Uploads.Item> items = UploadCommand.items(paths, Remote.folder(folder));
		Config config = Config.locate();
		Api api = Api.signedIn(config);
		List<Uploads.Result> uploaded;
		try (Progress progress = new Progress(Progress.wanted(output), System.err, "upload")) {
			uploaded = new Uploads(api, config, settings, progress).upload(items);
		}
		String name = details.name(items.stream().map((item) -> item.file().getFileName().toString()).toList());
		JsonNode created = Transfers.create(api, name, details.message,
				uploaded.stream().map(Uploads.Result::id).toList(), details.recipients, link);
		output.print(spec.commandLine().getOut(), Transfers.summary(created), Transfers.text(created));
		return ExitCode.OK;
	}

}
