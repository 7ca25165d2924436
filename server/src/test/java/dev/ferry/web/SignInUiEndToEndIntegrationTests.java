package dev.ferry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.FreePorts;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sign-in screens in a real browser: web/e2e/signin-e2e.mjs signs in through a real
 * identity provider (navikt's mock-oauth2-server with its interactive login form), with a
 * passkey on Chromium's virtual authenticator (alone and as second factor), with an
 * authenticator-app code, approves a device sign-in ({@code ferry login --device}) as the
 * single sign-on user, and resets a password through the link this server mails to a real
 * SMTP server (GreenMail). The script asks for the link on its output; this class answers
 * on its input. Every screen is scanned with axe-core in light and dark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class,
		properties = { "ferry.oidc.name=Company login", "ferry.oidc.client-id=ferry",
				"ferry.oidc.client-secret=ferry-secret" })
class SignInUiEndToEndIntegrationTests {

	private static final MockOAuth2Server IDP = startProvider();

	private static final GreenMail MAIL = OwnServer.startMail();

	/**
	 * Known before the server starts, so the public URL can name it: the provider's
	 * redirect and the passkeys' relying party both need the host name localhost.
	 */
	private static final int PORT = FreePorts.take();

	private static final Pattern RESET_LINK = Pattern
		.compile("(http://localhost:\\d+/reset-password#token=[A-Za-z0-9_-]+)");

	private static final List<String> SCREENS = List.of("signin-methods", "signin-sso-error", "device-approve",
			"device-approved", "signin-mfa-passkey", "signin-mfa", "forgot-password", "forgot-password-sent",
			"reset-password", "reset-password-refused", "signin-after-reset");

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "signin-ui");
		OwnServer.registerMail(registry, MAIL);
		registry.add("server.port", () -> PORT);
		registry.add("ferry.public-url", () -> "http://localhost:" + PORT);
		registry.add("ferry.oidc.issuer", () -> IDP.issuerUrl("company").toString());
	}

	@Test
	void signInThroughTheProviderWithPasskeysWithACodeAndAfterAPasswordReset() throws Exception {
		String base = "http://localhost:" + PORT;
		Api api = new Api(base);
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String password = "signin-e2e-password-" + UUID.randomUUID();
		Map<String, String> users = Map.of("FERRY_PASSKEY_EMAIL",
				createUser(api, admin, "pat", "Pat Passkey", password), "FERRY_TOTP_EMAIL",
				createUser(api, admin, "tom", "Tom Totp", password), "FERRY_RESET_EMAIL",
				createUser(api, admin, "rita", "Rita Reset", password));
		String ssoEmail = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@company.test";

		Map<String, String> env = new HashMap<>(users);
		env.putAll(Map.of("FERRY_PASSWORD", password, "FERRY_SSO_EMAIL", ssoEmail));
		JsonNode summary = BrowserRun.run("signin", base, env, Duration.ofMinutes(8),
				(line) -> line.startsWith("need-mail ") ? resetLink(line.substring("need-mail ".length()).trim())
						: null);
		assertThat(summary.get("steps")).hasSize(9);
		BrowserRun.assertScreens(summary, SCREENS);
		BrowserRun.assertPhoneShots(SCREENS);
		JsonNode listed = api.get("/api/v1/admin/users?limit=100", admin).json().get("items");
		assertThat(listed.valueStream().map((user) -> user.get("email").asString()))
			.as("the provider's user was provisioned")
			.contains(ssoEmail);
		assertThat(api.login(users.get("FERRY_RESET_EMAIL"), "lighthouse keeper at dawn 42")).isNotBlank();
	}

	private static String resetLink(String address) {
		MimeMessage message = await().atMost(Duration.ofSeconds(30))
			.until(() -> Arrays.stream(MAIL.getReceivedMessages()).filter((m) -> sentTo(m, address)).findFirst(),
					(found) -> found.isPresent())
			.orElseThrow();
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = RESET_LINK.matcher(body);
		assertThat(matcher.find()).as("a reset link in " + body).isTrue();
		return matcher.group(1);
	}

	private static boolean sentTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((a) -> a.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String createUser(Api api, String admin, String prefix, String name, String password) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", name), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	/**
	 * Interactive: the provider shows its own login form, where the browser types a
	 * subject and claims.
	 */
	private static MockOAuth2Server startProvider() {
		MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
		try {
			server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		return server;
	}

}
