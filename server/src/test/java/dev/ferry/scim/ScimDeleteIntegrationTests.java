package dev.ferry.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other deprovisioning policy, {@code FERRY_SCIM_DEPROVISION=delete}, on a server of
 * its own: DELETE removes the account, and its live session stops at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimDeleteIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "scim-delete");
		registry.add("ferry.scim.deprovision", () -> "delete");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private String admin;

	@BeforeEach
	void connect() {
		api = new Api("http://127.0.0.1:" + port);
		admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void deleteRemovesTheAccountAndItsSessionGets401AtOnce() {
		ScimClient scim = ScimClient.withNewKey(api, admin);
		String email = "gina-" + UUID.randomUUID() + "@ferry.test";
		String id = ScimClient.createAccount(api, admin, email);
		String session = api.login(email, ScimClient.PASSWORD);
		assertThat(scim.send("POST", "/Users", Map.of("schemas", List.of(ScimClient.USER_SCHEMA), "userName", email))
			.status()).isEqualTo(201);

		assertThat(scim.send("DELETE", "/Users/" + id, null).status()).isEqualTo(204);
		// An erasure, as when an administrator deletes the account: only a pseudonym is
		// left of what came before (the lookups below are new records about the id).
		assertThat(jdbc.sql("SELECT object_id FROM audit_log WHERE action = 'scim.user_delete'")
			.query(String.class)
			.list()).anySatisfy((object) -> assertThat(object).startsWith("erased-"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor_id = ? OR object_id = ? OR details LIKE ?")
			.params(id, id, "%" + email + "%")
			.query(Long.class)
			.single()).isZero();

		assertThat(api.get("/api/v1/me", session).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/users/" + id, admin).status()).isEqualTo(404);
		assertThat(scim.send("GET", "/Users/" + id, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/scim", admin).json().get("deprovision").asString()).isEqualTo("delete");
	}

	@Test
	void theLastActiveAdminIsNeitherSuspendedNorDeleted() {
		ScimClient scim = ScimClient.withNewKey(api, admin);
		Api.Response linked = scim.send("POST", "/Users",
				Map.of("schemas", List.of(ScimClient.USER_SCHEMA), "userName", IntegrationTest.ADMIN_EMAIL));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		String id = linked.json().get("id").asString();

		Api.Response suspend = scim.send("PATCH", "/Users/" + id, Map.of("schemas", List.of(ScimClient.PATCH_SCHEMA),
				"Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
		Api.Response delete = scim.send("DELETE", "/Users/" + id, null);

		assertThat(suspend.status()).isEqualTo(409);
		assertThat(suspend.contentType()).startsWith("application/scim+json");
		assertThat(suspend.json().get("detail").asString()).contains("last active administrator");
		assertThat(suspend.json().has("scimType")).isFalse();
		assertThat(delete.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);
	}

}
