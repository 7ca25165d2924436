package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
				"  ferry send --e2e plan.pdf --message 'See page 3.'   # link ends in #AGE-SECRET-KEY-1...",
				"  ferry send --e2e plan.pdf --passphrase",
				"  ferry send --e2e plan.pdf --recipient bob@example.com --recipient age1..." })
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

	@Option(names = "--e2e",
			description = "End-to-end encrypt (age): the server stores only ciphertext and an "
					+ "encrypted manifest. By default to a fresh X25519 key that the printed link carries after #; "
					+ "with --passphrase or --recipient no key is in the link. Not with --to.")
	boolean e2e;

	@Mixin
	PassphraseOptions passphrase;

	@Option(names = "--recipient", paramLabel = "EMAIL|age1...",
			description = "With --e2e: encrypt to this person's age key (repeatable): a user of the server who created "
					+ "one in the web UI, by email, or an age1... recipient.")
	List<String> people = new ArrayList<>();

	@Override
	public Integer call() throws IOException {
		// bad link options fail before anything is uploaded
		link.link();
		link.expiresAt();
		Uploads.Settings settings = transfer.settings().renaming();
		List<Uploads.Item> items = UploadCommand.items(paths, Remote.folder(folder));
		if (!e2e && (passphrase.given() || !people.isEmpty())) {
			throw new CliException(ExitCode.USAGE, "--passphrase and --recipient go with --e2e.");
		}
		if (e2e && link.showPreviews) {
			throw new CliException(ExitCode.USAGE,
					"--show-previews does not go with --e2e: the server cannot read encrypted files to draw previews.");
		}
		Config config = Config.locate();
		Api api = Api.signedIn(config);
		if (e2e) {
			return sendEncrypted(api, config, settings, items, lock(api), Remote.folder(folder));
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

	/** The key mode: a passphrase, people's recipients, else a fresh link key. */
	private E2eLock lock(Api api) throws IOException {
		if (!details.recipients.isEmpty()) {
			throw new CliException(ExitCode.USAGE, "--e2e links may carry their key, which the server must not mail: "
					+ "leave out --to and give the link to the recipients yourself.");
		}
		if (passphrase.given() && !people.isEmpty()) {
			throw new CliException(ExitCode.USAGE, "Choose one key mode: --passphrase or --recipient, not both.");
		}
		if (!people.isEmpty()) {
			return E2eLock.people(api, people);
		}
		AgePassphrase typed = passphrase.resolve(true);
		return (typed != null) ? E2eLock.passphrase(typed) : E2eLock.linkKey();
	}

	private int sendEncrypted(Api api, Config config, Uploads.Settings settings, List<Uploads.Item> items, E2eLock lock,
			String root) throws IOException {
		try (E2eSend seal = new E2eSend(lock)) {
			List<Uploads.Item> sealed = seal.seal(items, root);
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
