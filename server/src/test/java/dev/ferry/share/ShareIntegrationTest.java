package dev.ferry.share;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.ferry.FerryApplication;
import dev.ferry.share.link.ShareSweeper;
import dev.ferry.testing.Api;
import dev.ferry.testing.AuditRows;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import dev.ferry.testing.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server of its own for the sharing tests, with mail on: SMTP goes to a real GreenMail
 * server on a free loopback port, polled every 100 ms. Every subclass shares this server,
 * so tests create their own users and never assume an empty database. Times are moved by
 * writing them in the database (expiry), never by sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
abstract class ShareIntegrationTest {

	static final GreenMail MAIL = OwnServer.startMail();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ShareSweeper sweeper;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "share");
		OwnServer.registerMail(registry, MAIL);
		registry.add("ferry.share.sweep-interval", () -> "1h");
		registry.add("ferry.watermark.max-pixels", () -> WatermarkIntegrationTests.MAX_PIXELS);
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	record Account(UUID id, String email, String token) {
	}

	Account newUser(String role) {
		UUID id = UUID.randomUUID();
		String email = "share-" + id + "@ferry.test";
		String password = "password-" + id;
		TestAccounts.row()
			.id(id)
			.email(email)
			.name("Sender " + id.toString().substring(0, 8))
			.passwordHash(passwords.encode(password))
			.role(role)
			.insert(jdbc);
		return new Account(id, email, api.login(email, password));
	}

	Account newUser() {
		return newUser("USER");
	}

	String adminToken() {
		return api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	/** Stores a file in the account's library and answers its id. */
	String upload(Account account, String path, byte[] content) {
		Api.Response response = api
			.send(api.builder("/api/v1/files/content?path=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8),
					account.token())
				.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	JsonNode transfer(Account owner, Map<String, Object> body) {
		Api.Response response = api.post("/api/v1/transfers", body, owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	JsonNode transfer(Account owner, String... fileIds) {
		return transfer(owner,
				Map.of("title", "Files " + UUID.randomUUID(), "message", "Hello there", "file_ids", List.of(fileIds)));
	}

	JsonNode link(Account owner, String transferId, Map<String, Object> options) {
		Api.Response response = api.post("/api/v1/transfers/" + transferId + "/share", options, owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** GET a public path with optional extra headers (name, value pairs). */
	Api.Response publicGet(String path, String... headers) {
		HttpRequest.Builder builder = api.builder(path, null);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return api.send(builder.GET());
	}

	Api.Response publicPost(String path, Object body, String... headers) {
		HttpRequest.Builder builder = api.builder(path, null).header("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return api.send(builder.POST(HttpRequest.BodyPublishers.ofString((body instanceof String s) ? s
				: tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))));
	}

	static String problemType(Api.Response response) {
		return response.json().get("type").asString();
	}

	/**
	 * Messages GreenMail received for {@code address}, waiting until there are
	 * {@code count}.
	 */
	static List<MimeMessage> mailTo(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> received(address).size() >= count);
		return received(address);
	}

	static List<MimeMessage> received(String address) {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			try {
				if (Arrays.stream(message.getAllRecipients()).anyMatch((a) -> a.toString().equals(address))) {
					messages.add(message);
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return messages;
	}

	static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first match of {@code regex}'s group 1 in the message's raw body. */
	static String find(MimeMessage message, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(body(message).replace("=\r\n", ""));
		assertThat(matcher.find()).as("'" + regex + "' in " + body(message)).isTrue();
		return matcher.group(1);
	}

	List<String> auditActions(String objectId) {
		return AuditRows.actions(jdbc, objectId);
	}

	static String tokenOf(JsonNode link) {
		return link.get("token").asString();
	}

}
