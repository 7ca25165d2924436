package dev.ferry.protect;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the shared server, which has no GeoIP database ({@code FERRY_GEOIP_DB} unset): a
 * country rule could never apply, so creating or adding one is refused with a detail that
 * says why, while network rules work.
 */
class AccessRulesWithoutGeoIpIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void countryRulesAreRefusedWithoutADatabase() {
		String admin = adminToken();
		String transfer = transfer(admin);

		Api.Response link = api.post("/api/v1/transfers/" + transfer + "/share",
				Map.of("allowed_countries", List.of("DE")), admin);
		assertThat(link.status()).isEqualTo(400);
		assertThat(link.contentType()).isEqualTo("application/problem+json");
		assertThat(link.json().get("detail").asString()).contains("GeoIP database").contains("FERRY_GEOIP_DB");

		Api.Response request = api.post("/api/v1/upload-requests", Map.of("title", "No geo " + UUID.randomUUID(),
				"max_files", 1, "max_total_bytes", 100, "denied_countries", List.of("SE")), admin);
		assertThat(request.status()).isEqualTo(400);
		assertThat(request.json().get("detail").asString()).contains("GeoIP database");

		Api.Response plain = api.post("/api/v1/transfers/" + transfer + "/share",
				Map.of("allowed_ips", List.of("127.0.0.0/8")), admin);
		assertThat(plain.status()).as(plain.body()).isEqualTo(201);
		Api.Response added = api.patch("/api/v1/transfers/" + transfer + "/shares/" + plain.json().get("id").asString(),
				Map.of("denied_countries", List.of("SE")), admin);
		assertThat(added.status()).isEqualTo(400);
		assertThat(added.json().get("detail").asString()).contains("GeoIP database");
	}

	@Test
	void accountCountryRulesAreRefusedWithoutADatabase() {
		String admin = adminToken();
		String email = "nogeo-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", "account-rules-passphrase-Q7", "allowed_countries", List.of("DE")),
				admin);
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.json().get("detail").asString()).contains("GeoIP database").contains("FERRY_GEOIP_DB");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.as("a refused rule leaves no account behind")
			.isZero();

		Api.Response plain = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", "account-rules-passphrase-Q7"), admin);
		assertThat(plain.status()).as(plain.body()).isEqualTo(201);
		Api.Response added = api.patch("/api/v1/admin/users/" + plain.json().get("id").asString(),
				Map.of("denied_countries", List.of("SE")), admin);
		assertThat(added.status()).isEqualTo(400);
		assertThat(added.json().get("detail").asString()).contains("GeoIP database");
	}

	private String transfer(String admin) {
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/nogeo-" + UUID.randomUUID(), admin)
			.PUT(HttpRequest.BodyPublishers.ofString("bytes")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "No geo", "file_ids", List.of(file.json().get("id").asString())), admin);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		return transfer.json().get("id").asString();
	}

}
