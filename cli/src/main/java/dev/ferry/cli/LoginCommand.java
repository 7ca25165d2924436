package dev.ferry.cli;

import java.io.Console;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "login", mixinStandardHelpOptions = true,
		description = { "Sign in to a Ferry server and remember it for the other commands.",
				"With a password the CLI asks for it (and for the code of your authenticator app when the account "
						+ "has a second factor); with --api-key it stores the key instead.",
				"With --device (the default when the server takes no passwords, e.g. single sign-on only) it prints "
						+ "an address and a code: open it in a browser, sign in there any way you like, approve, and "
						+ "the CLI receives its session.",
				"The credentials go to $XDG_CONFIG_HOME/ferry/credentials.json (else ~/.config/ferry), "
						+ "readable only by you (0600)." },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry login https://ferry.example.com",
				"  ferry login https://ferry.example.com -e ann@example.com",
				"  ferry login https://ferry.example.com --device",
				"  ferry login https://ferry.example.com --device --scopes read",
				"  ferry login https://ferry.example.com --api-key",
				"  ferry login https://ferry.example.com --api-key < ~/.ferry-key",
				"  printf '%%s\\n' \"$PASSWORD\" | ferry login https://ferry.example.com -e ann@example.com --password-stdin --totp 123456" })
final class LoginCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Parameters(index = "0", paramLabel = "URL", description = "The server, e.g. https://ferry.example.com")
	String url;

	@Option(names = { "-e", "--email" }, description = "Your email address (asked for when missing).")
	String email;

	@Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
	boolean passwordStdin;

	@Option(names = "--totp", paramLabel = "CODE",
			description = "The 6-digit code of your authenticator app (or a recovery code), asked for when needed.")
	String totp;

	@Option(names = "--api-key", arity = "0..1", fallbackValue = "", paramLabel = "KEY",
			description = "Use an API key (fy_...) instead of a password; without a value it is asked for "
					+ "(or read from standard input), which keeps it out of the shell history.")
	String apiKey;

	@Option(names = "--device",
			description = "Sign in through a browser: approve the printed code there (for single sign-on "
					+ "and passkey accounts).")
	boolean device;

	@Option(names = "--scopes", split = ",", paramLabel = "SCOPE", defaultValue = "read,write,share",
			description = "With --device: what the session may do, of read, write, share, admin (default: ${DEFAULT-VALUE}).")
	List<String> scopes;

	@Override
	public Integer call() {
		Config config = Config.locate();
		String server = normalize(url);
		Api api = Api.anonymous(config, server);
		String method = method(api);
		Credentials credentials = switch (method) {
			case "api_key" -> withApiKey(api, server);
			case "device" -> new DeviceLogin(api, server, spec.commandLine().getErr()).run(scopes);
			default -> withPassword(api, server);
		};
		config.save(credentials);
		ObjectNode result = Json.object().put("server", server).put("email", credentials.email()).put("method", method);
		output.print(spec.commandLine().getOut(), result, "Signed in to " + server + " as " + credentials.email()
				+ ". Credentials saved in " + config.credentialsFile() + ".");
		return ExitCode.OK;
	}

	/**
	 * An explicit choice wins; without one, a server that takes no passwords (it lists no
	 * password sign-in method) means the browser.
	 */
	private String method(Api api) {
		if (apiKey != null) {
			return "api_key";
		}
		if (device) {
			return "device";
		}
		if (email != null || passwordStdin || totp != null) {
			return "password";
		}
		JsonNode methods = Api.check(api.sendAnonymous(
				HttpRequest.newBuilder(api.uri("/api/v1/auth/providers")).header("Accept", "application/json")));
		boolean passwords = methods.path("items")
			.valueStream()
			.anyMatch((item) -> "password".equals(item.path("type").asString("")));
		return passwords ? "password" : "device";
	}

	private Credentials withApiKey(Api api, String server) {
		String key = Secrets.resolve(apiKey, "API key: ", "--api-key").trim();
		HttpResponse<String> response = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/me"))
			.header("Authorization", "Bearer " + key)
			.header("Accept", "application/json"));
		if (response.statusCode() == 401) {
			throw new CliException(ExitCode.AUTH,
					server + " did not accept this API key (revoked, expired or mistyped).");
		}
		JsonNode me = Api.check(response);
		return new Credentials(server, Json.text(me.path("email")), null, null, key);
	}

	private Credentials withPassword(Api api, String server) {
		String address = (email != null) ? email : prompt("Email: ");
		String password = passwordStdin ? stdinPassword() : secret("Password: ");
		JsonNode tokens = postLogin(api, "/api/v1/auth/login",
				Json.object().put("email", address).put("password", password));
		if (tokens.path("mfa_required").asBoolean(false)) {
			String code = (totp != null) ? totp : prompt("Code from your authenticator app: ");
			tokens = postLogin(api, "/api/v1/auth/login/mfa",
					Json.object().put("mfa_token", tokens.path("mfa_token").asString()).put("code", code.trim()));
		}
		if (tokens.path("mfa_enrollment_required").asBoolean(false)) {
			throw new CliException(ExitCode.AUTH, "Your account must set up a second factor first. Sign in to " + server
					+ " in a browser, set it up, then run ferry login again.");
		}
		if (tokens.path("password_change_required").asBoolean(false)) {
			throw new CliException(ExitCode.AUTH, "Your password has expired. Sign in to " + server
					+ " in a browser, change it, then run ferry login again.");
		}
		return new Credentials(server, address, tokens.path("access_token").asString(),
				tokens.path("refresh_token").asString(), null);
	}

	private static JsonNode postLogin(Api api, String path, JsonNode body) {
		HttpResponse<String> response = api.sendAnonymous(HttpRequest.newBuilder(api.uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
		return Api.check(response);
	}

	/** {@code ferry.example.com} means https; a trailing slash is dropped. */
	static String normalize(String url) {
		String value = url.trim();
		if (!value.contains("://")) {
			value = "https://" + value;
		}
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(ExitCode.USAGE, "'" + url + "' is not a URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
			throw new CliException(ExitCode.USAGE, "'" + url + "' is not an http(s) URL of a Ferry server.");
		}
		return value;
	}

	private String prompt(String question) {
		Console console = System.console();
		String answer = (console != null) ? console.readLine(question) : null;
		if (answer == null) {
			throw new CliException(ExitCode.USAGE,
					"No terminal to ask '" + question.trim() + "'; pass it as an option (see ferry login --help).");
		}
		return answer.trim();
	}

	private String secret(String question) {
		Console console = System.console();
		char[] answer = (console != null) ? console.readPassword(question) : null;
		if (answer == null) {
			throw new CliException(ExitCode.USAGE,
					"No terminal to ask for the password; pipe it in with --password-stdin.");
		}
		return new String(answer);
	}

	private static String stdinPassword() {
		String line = Secrets.line();
		if (line == null) {
			throw new CliException(ExitCode.USAGE, "--password-stdin: standard input is empty.");
		}
		return line;
	}

}
