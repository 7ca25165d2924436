package dev.ferry.auth.ldap;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.FerryApplication;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.TotpCodes;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.SessionService;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Password sign-in against a real directory: Debian's OpenLDAP from
 * {@code bin/test-services} (people and groups in {@code src/test/resources/ldap}),
 * reached over StartTLS with the test certificate, through Ferry's real HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
class LdapSignInIntegrationTests {

	static final String PASSWORD = "Directory-pass-for-tests-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionService sessions;

	@Autowired
	UserRepository users;

	Api api;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "ldap");
		registry.add("ferry.ldap.url", () -> TestDirectory.URL);
		registry.add("ferry.ldap.name", () -> "Test directory");
		registry.add("ferry.ldap.start-tls", () -> "true");
		registry.add("ferry.ldap.trust-certificate", () -> TestDirectory.CA);
		registry.add("ferry.ldap.bind-dn", () -> TestDirectory.BIND_DN);
		registry.add("ferry.ldap.bind-password", () -> TestDirectory.BIND_PASSWORD);
		registry.add("ferry.ldap.user-search-base", () -> TestDirectory.PEOPLE);
		// Mail or uid, as directories that accept several logins for one entry.
		registry.add("ferry.ldap.user-search-filter", () -> "(|(mail={0})(uid={0}))");
		registry.add("ferry.ldap.group-search-base", () -> TestDirectory.GROUPS);
		registry.add("ferry.ldap.role-map", () -> "ferry-admins=admin, ferry-users=user");
		registry.add("ferry.ldap.default-role", () -> "guest");
		registry.add("ferry.ldap.group-map", () -> "ferry-users=Directory users, FERRY-ADMINS=Directory admins");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void theRightPasswordSignsInAndProvisionsTheAccountWithItsGroupsRole() {
		String alice = api.login("alice@ldap.test", "alice-Directory-pass-1");
		String bob = api.login("bob@ldap.test", "bob-Directory-pass-1");
		String carol = api.login("carol@ldap.test", "carol-Directory-pass-1");
		String again = api.login("bob@ldap.test", "bob-Directory-pass-1");

		assertThat(me(alice)).containsEntry("role", "admin").containsEntry("name", "Alice Admin");
		assertThat(me(bob)).containsEntry("role", "user")
			.containsEntry("email", "bob@ldap.test")
			.containsEntry("directory_account", "true");
		assertThat(me(carol)).as("in no mapped group: the default role").containsEntry("role", "guest");
		assertThat(me(again).get("id")).isEqualTo(me(bob).get("id"));
		assertThat(jdbc.sql("SELECT dn FROM directory_accounts ORDER BY dn").query(String.class).list())
			.contains("uid=alice," + TestDirectory.PEOPLE, "uid=bob," + TestDirectory.PEOPLE);
		assertThat(details("auth.ldap_provision")).anySatisfy((d) -> assertThat(d).contains("admin"));
	}

	@Test
	void aWrongPasswordIsRefusedAndAudited() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");

		Api.Response wrong = signIn(mail, "not-" + PASSWORD);

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/invalid-credentials");
		assertThat(details("auth.login")).anySatisfy((d) -> assertThat(d).contains(mail, "wrong_password"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(mail).query(Long.class).single())
			.as("nothing provisioned")
			.isZero();
	}

	@Test
	void theRoleFollowsTheDirectoryGroupsAtEverySignIn() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String before = me(api.login(mail, PASSWORD)).get("role");

		TestDirectory.addToGroup(mail, "ferry-admins");
		String after = me(api.login(mail, PASSWORD)).get("role");

		assertThat(before).isEqualTo("user");
		assertThat(after).isEqualTo("admin");
		assertThat(details("auth.ldap_role_change")).anySatisfy((d) -> assertThat(d).contains("\"to\":\"admin\""));
	}

	@Test
	void directoryGroupsBecomeFerryGroupMembershipsAndEndWithThem() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users", "ferry-admins");
		api.login(mail, PASSWORD);
		String admin = api.login("alice@ldap.test", "alice-Directory-pass-1");
		Map<String, List<String>> before = groups(admin);

		TestDirectory.removeFromGroup(mail, "ferry-admins");
		api.login(mail, PASSWORD);
		Map<String, List<String>> after = groups(admin);

		assertThat(before.get("Directory users")).contains(mail);
		assertThat(before.get("Directory admins")).contains(mail);
		assertThat(after.get("Directory users")).contains(mail);
		assertThat(after.get("Directory admins")).doesNotContain(mail);
		assertThat(details("group.member_removed")).anySatisfy((d) -> assertThat(d).contains("\"source\":\"ldap\""));
	}

	/** Each Ferry group's members' emails, as admins see them. */
	Map<String, List<String>> groups(String adminToken) {
		Map<String, List<String>> members = new HashMap<>();
		for (JsonNode group : api.get("/api/v1/admin/groups", adminToken).json().get("items")) {
			members.put(group.get("name").asString(),
					group.get("members").valueStream().map((m) -> m.get("email").asString()).toList());
		}
		return members;
	}

	@Test
	void someoneRemovedFromTheDirectoryCanNoLongerSignIn() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		api.login(mail, PASSWORD);

		TestDirectory.delete(mail);
		Api.Response gone = signIn(mail, PASSWORD);

		assertThat(gone.status()).isEqualTo(401);
		assertThat(details("auth.login")).anySatisfy((d) -> assertThat(d).contains(mail, "not_in_directory"));
	}

	/**
	 * A passkey, an SSO provider or an approved device opens a session without the
	 * directory's password check: the session itself asks the directory.
	 */
	@Test
	void someoneRemovedFromTheDirectoryCannotStartASessionAnotherWay() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		api.login(mail, PASSWORD);
		User user = users.findByEmail(mail).orElseThrow();

		TestDirectory.delete(mail);

		assertThatThrownBy(() -> sessions.open(user, new ClientInfo("127.0.0.1", "test", null), false, null, "passkey"))
			.isInstanceOfSatisfying(AuthException.class,
					(refused) -> assertThat(refused.getBody().getType().toString()).endsWith("/account-suspended"));
		assertThat(details("auth.login")).anySatisfy((d) -> assertThat(d).contains("passkey", "not_in_directory"));
	}

	@Test
	void someoneRemovedFromTheDirectoryCanNoLongerUseTheApiKeysTheyMade() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", "ci", "scopes", List.of("read")),
				api.login(mail, PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		TestDirectory.delete(mail);
		Api.Response refused = api.get("/api/v1/me", created.json().get("key").asString());

		assertThat(refused.status()).isEqualTo(401);
		assertThat(details("auth.api_key_use")).anySatisfy((d) -> assertThat(d).contains("not_in_directory"));
	}

	/**
	 * A DN given to someone else (a departed colleague's uid) signs in to nothing of the
	 * account its first entry made, and that account's keys stop working.
	 */
	@Test
	void aReusedDnInheritsNothingOfTheAccountItOnceNamed() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", "ci", "scopes", List.of("read")),
				api.login(mail, PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		TestDirectory.reuseDn(mail, "newcomer-" + mail, "Newcomer-directory-pass-2");
		Api.Response newcomer = signIn("newcomer-" + mail, "Newcomer-directory-pass-2");

		assertThat(newcomer.status()).as(newcomer.body()).isIn(401, 403);
		assertThat(details("auth.login")).anySatisfy((d) -> assertThat(d).contains("entry_replaced"));
		assertThat(api.get("/api/v1/me", created.json().get("key").asString()).status()).as("the old account's key")
			.isEqualTo(401);
	}

	@Test
	void someoneRemovedFromTheDirectoryLosesEverySessionAtTheNextRefresh() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		JsonNode first = signIn(mail, PASSWORD).json();
		String other = api.login(mail, PASSWORD);
		Api.Response before = refresh(first.get("refresh_token").asString());

		TestDirectory.delete(mail);
		Api.Response after = refresh(before.json().get("refresh_token").asString());

		assertThat(before.status()).isEqualTo(200);
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.json().get("type").asString()).isEqualTo("/problems/invalid-refresh-token");
		assertThat(api.get("/api/v1/me", other).status()).as("the other device's session ended too").isEqualTo(401);
		assertThat(details("auth.refresh")).anySatisfy((d) -> assertThat(d).contains("not_in_directory"));
	}

	@Test
	void aSignInAttemptAfterTheRemovalEndsTheSessionsLeft() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String token = api.login(mail, PASSWORD);
		Api.Response signedIn = api.get("/api/v1/me", token);

		TestDirectory.delete(mail);
		Api.Response attempt = signIn(mail, PASSWORD);

		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(attempt.status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	/**
	 * A sign-in whose login matches no entry ends no session when the account's entry is
	 * still there (its mail changed): else typing someone's address would sign them out.
	 */
	@Test
	void aLoginThatMatchesNoEntryEndsNoSessionOfAnEntryStillThere() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String token = api.login(mail, PASSWORD);
		TestDirectory.changeMail(mail, "renamed-" + mail);

		Api.Response attempt = signIn(mail, "not-the-password");

		assertThat(attempt.status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", token).status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void ferrysPasswordChangeAndResetAreRefusedForADirectoryAccount() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String token = api.login(mail, PASSWORD);

		Api.Response change = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", "A-new-Ferry-password-77"), token);
		Api.Response reset = api.post("/api/v1/auth/password-reset", Map.of("email", mail), null);

		assertThat(change.status()).isEqualTo(409);
		assertThat(change.json().get("type").asString()).isEqualTo("/problems/directory-account");
		assertThat(change.json().get("detail").asString()).contains("directory");
		assertThat(reset.status()).as("the answer never tells").isEqualTo(202);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(details("auth.password_reset_issue"))
				.anySatisfy((d) -> assertThat(d).contains("directory_account")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = ?")
			.param(mail)
			.query(Long.class)
			.single()).isZero();
		assertThat(signIn(mail, PASSWORD).status()).as("the directory password still works").isEqualTo(200);
	}

	@Test
	void theGuessingLimitAppliesToDirectoryPasswords() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(mail, "guess-" + i).status()).isEqualTo(401);
		}

		Api.Response limited = signIn(mail, "guess-again");
		Api.Response evenRight = signIn(mail, PASSWORD);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(evenRight.status()).isEqualTo(429);
	}

	/**
	 * One entry answers to its mail and its uid: guesses under both count against the
	 * entry, so switching between its logins (from different addresses, so no per-address
	 * limit is reached) buys no more than the account's twenty.
	 */
	@Test
	void guessesUnderEveryLoginOfAnEntryCountAgainstTheEntry() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String uid = mail.substring(0, mail.indexOf('@'));
		List<String> logins = List.of(mail, uid);
		for (int i = 0; i < 20; i++) {
			Api from = api.from("127.0.8." + (1 + i / 5));
			assertThat(
					from.post("/api/v1/auth/login", Map.of("email", logins.get(i % 2), "password", "guess-" + i), null)
						.status())
				.as("guess %d", i)
				.isEqualTo(401);
		}

		Api.Response locked = api.from("127.0.8.9")
			.post("/api/v1/auth/login", Map.of("email", uid, "password", "guess-more"), null);
		assertThat(locked.status()).isEqualTo(429);
	}

	@Test
	void accountsWithAFerryPasswordKeepSigningInWithIt() {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String local = TestDirectory.addPerson(PASSWORD, "ferry-admins");
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", local, "password", "Local-Ferry-password-42", "role", "guest"), admin);

		Api.Response byDirectory = signIn(local, PASSWORD);
		Api.Response byFerry = signIn(local, "Local-Ferry-password-42");

		assertThat(created.status()).isEqualTo(201);
		assertThat(byDirectory.status()).as("a directory entry never takes over a local account").isEqualTo(401);
		assertThat(byFerry.status()).isEqualTo(200);
		assertThat(me(byFerry.json().get("access_token").asString())).containsEntry("role", "guest")
			.containsEntry("directory_account", "false");
	}

	@Test
	void aSecondFactorAndSuspensionApplyAsToLocalAccounts() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		String token = api.login(mail, PASSWORD);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
		api.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, Instant.now())), token);
		String id = me(token).get("id");

		JsonNode challenge = signIn(mail, PASSWORD).json();
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		api.post("/api/v1/admin/users/" + id + "/suspend", Map.of(), admin);
		Api.Response suspended = signIn(mail, PASSWORD);

		assertThat(challenge.get("mfa_required").asBoolean()).isTrue();
		assertThat(challenge.has("access_token")).isFalse();
		assertThat(suspended.status()).isEqualTo(403);
		assertThat(suspended.json().get("type").asString()).isEqualTo("/problems/account-suspended");
		assertThat(api.get("/api/v1/me", token).status()).as("its session ended too").isEqualTo(401);
	}

	@Test
	void adminsSeeTheDirectorysStatus() {
		api.login("bob@ldap.test", "bob-Directory-pass-1");
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);

		JsonNode providers = api.get("/api/v1/admin/sign-in-providers", admin).json().get("items");

		assertThat(providers).hasSize(1);
		assertThat(providers.get(0).get("type").asString()).isEqualTo("ldap");
		assertThat(providers.get(0).get("name").asString()).isEqualTo("Test directory");
		assertThat(providers.get(0).get("target").asString()).isEqualTo(TestDirectory.URL);
		assertThat(providers.get(0).get("last_success_at").isNull()).isFalse();
		assertThat(providers.get(0).get("settings").get("group_sync").asString()).isEqualTo("on");
	}

	Api.Response signIn(String email, String password) {
		return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
	}

	Api.Response refresh(String refreshToken) {
		return api.post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
	}

	Map<String, String> me(String token) {
		JsonNode me = api.get("/api/v1/me", token).json();
		return Map.of("id", me.get("id").asString(), "email", me.get("email").asString(), "role",
				me.get("role").asString(), "name", me.path("name").asString(""), "directory_account",
				Boolean.toString(me.get("directory_account").asBoolean()));
	}

	List<String> details(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

}
