package dev.ferry.cli;

import java.io.IOException;
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
import tools.jackson.databind.node.ObjectNode;

@Command(name = "send", mixinStandardHelpOptions = true,
		description = { "Upload files and send them as a transfer: prints the download link.",
				"The files go to the folder --folder (like the web UI's transfers), then a transfer with a link is "
						+ "created; with --to the server mails the link to each recipient." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry send report.pdf",
				"  ferry send report.pdf slides/ --expires 7d --max-downloads 3 --password",
				"  ferry send a.zip --to bob@example.com --to eve@example.com --title 'Q3 numbers' --message 'As promised.'",
				"  ferry send a.zip --json | jq -r .url",
				"  ferry send --e2e plan.pdf --message 'See page 3.'   # link ends in #AGE-SECRET-KEY-1..." })
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

	@Option(names = "--e2e", description = "End-to-end encrypt (age, a fresh X25519 key): the server stores only "
			+ "ciphertext and an encrypted manifest; the printed link carries the key after #. Not with --to.")
	boolean e2e;

	@Override
	public Integer call() throws IOException {
		// bad link options fail before anything is uploaded
		link.link();
		link.expiresAt();
		Uploads.Settings settings = transfer.settings();
		List<Uploads.Item> items = UploadCommand.items(paths, Remote.folder(folder));
		Config config = Config.locate();
		Api api = Api.signedIn(config);
		if (e2e) {
			return sendEncrypted(api, config, settings, items);
		}
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

	private int sendEncrypted(Api api, Config config, Uploads.Settings settings, List<Uploads.Item> items)
			throws IOException {
		if (!details.recipients.isEmpty()) {
			throw new CliException(ExitCode.USAGE, "--e2e links carry their key, which the server must not mail: "
					+ "leave out --to and give the link to the recipients yourself.");
		}
		try (E2eSend seal = new E2eSend()) {
			List<Uploads.Item> sealed = seal.seal(items);
			List<Uploads.Result> uploaded;
			try (Progress progress = new Progress(Progress.wanted(output), System.err, "upload")) {
				uploaded = new Uploads(api, config, settings, progress).upload(sealed);
			}
			String name = details.name(items.stream().map((item) -> item.file().getFileName().toString()).toList());
			JsonNode created = Transfers.createEncrypted(api, seal.manifest(name, details.message, uploaded),
					uploaded.stream().map(Uploads.Result::id).toList(), link);
			JsonNode made = created.path("link");
			if (made instanceof ObjectNode withKey && made.hasNonNull("url")) {
				withKey.put("url", seal.link(made.path("url").asString()));
			}
			output.print(spec.commandLine().getOut(), Transfers.summary(created), Transfers.text(created));
			return ExitCode.OK;
		}
	}

}
