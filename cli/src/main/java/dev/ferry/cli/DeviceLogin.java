package dev.ferry.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sign-in through a browser (RFC 8628 device authorization): the server hands out a user
 * code, the user approves it at the printed address while signed in there any way they
 * like (password, passkey, single sign-on), and this polls until the session arrives.
 */
final class DeviceLogin {

	private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

	private final Api api;

	private final String server;

	private final PrintWriter err;

	DeviceLogin(Api api, String server, PrintWriter err) {
		this.api = api;
		this.server = server;
		this.err = err;
	}

	Credentials run(List<String> scopes) {
		ObjectNode request = Json.object().put("client_name", "ferry CLI on " + hostName());
		ArrayNode asked = request.putArray("scopes");
		scopes.forEach(asked::add);
		JsonNode codes = Api.check(post("/api/v1/auth/device/code", request));
		err.println("To sign in, open this address in a browser where you can sign in to " + server + ":");
		err.println();
		err.println("  " + codes.path("verification_uri_complete").asString());
		err.println();
		err.println("and check that it shows the code " + codes.path("user_code").asString()
				+ ". Waiting for your approval...");
		err.flush();
		JsonNode tokens = poll(codes.path("device_code").asString(),
				Duration.ofSeconds(Math.max(1, codes.path("interval").asLong(5))));
		String access = tokens.path("access_token").asString();
		JsonNode me = Api.check(api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/me"))
			.header("Authorization", "Bearer " + access)
			.header("Accept", "application/json")));
		return new Credentials(server, Json.text(me.path("email")), access, tokens.path("refresh_token").asString(),
				null);
	}

	private JsonNode poll(String deviceCode, Duration initial) {
		Duration interval = initial;
		JsonNode body = Json.object().put("device_code", deviceCode);
		while (true) {
			pause(interval);
			HttpResponse<String> response = post("/api/v1/auth/device/token", body);
			if (response.statusCode() == 200) {
				return Json.parse(response.body());
			}
			String error = (response.statusCode() == 400) ? Json.parse(response.body()).path("error").asString("") : "";
			switch (error) {
				case "authorization_pending" -> {
				}
				case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
				case "access_denied" -> throw new CliException(ExitCode.AUTH, "The sign-in was denied in the browser.");
				case "expired_token" -> throw new CliException(ExitCode.AUTH,
						"The code expired before it was approved. Run ferry login --device again.");
				default -> Api.check(response);
			}
		}
	}

	private HttpResponse<String> post(String path, JsonNode body) {
		return api.sendAnonymous(HttpRequest.newBuilder(api.uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
	}

	private static void pause(Duration interval) {
		try {
			Thread.sleep(interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCode.ERROR, "Interrupted.");
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "this computer";
		}
	}

}
