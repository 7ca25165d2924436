package dev.ferry.share;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bind_to_first_device} through the real API with real curl: the first client to
 * open the link gets (or brings) the {@code __Host-ferry-device} cookie and owns the
 * link; any request without that cookie, from any address, is another device.
 */
class DeviceBindingIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstClientOwnsTheLinkAndAnotherDeviceIsRefused() {
		JsonNode link = link(Map.of("bind_to_first_device", true));
		assertThat(link.get("bind_to_first_device").asBoolean()).isTrue();
		String page = api.base() + "/api/v1/share/" + link.get("token").asString();

		Api.Response first = Curl.request("--interface", "127.0.0.2", page);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String cookie = first.header("Set-Cookie");
		assertThat(cookie).startsWith("__Host-ferry-device=").contains("HttpOnly").contains("Secure");
		String device = cookie.substring(0, cookie.indexOf(';'));

		assertThat(Curl.request("--interface", "127.0.0.3", "-H", "Cookie: " + device, page).status())
			.as("the same device from another address")
			.isEqualTo(200);
		assertThat(Curl.request("-H", "Cookie: " + device, page + "/download").status()).isEqualTo(200);

		Api.Response other = Curl.request("--interface", "127.0.0.2", page);
		assertThat(other.status()).as("curl without the cookie is another device").isEqualTo(403);
		assertThat(other.contentType()).isEqualTo("application/problem+json");
		assertThat(other.json().get("type").asString()).endsWith("/device-not-allowed");
		assertThat(other.json().get("detail").asString()).contains("device that opened it first");
		Api.Response stranger = Curl.request("-H", "Cookie: __Host-ferry-device=someone-else", page + "/download");
		assertThat(stranger.status()).isEqualTo(403);

		String id = link.get("id").asString();
		assertThat(audited("share.device_bound", id)).hasSize(1);
		assertThat(audited("share.view", id)).anyMatch((row) -> row.contains("device_not_allowed"));
		assertThat(audited("share.download", id)).anyMatch((row) -> row.contains("device_not_allowed"));
	}

	@Test
	void aBrowserThatSignedInBeforeBindsTheLinkWithItsOwnDeviceCookie() {
		JsonNode link = link(Map.of("bind_to_first_device", true, "password", "device-secret"));
		String page = "/api/v1/share/" + link.get("token").asString();
		String device = "__Host-ferry-device=browser-" + UUID.randomUUID();

		Api.Response unlock = api.send(api.builder(page + "/unlock", null)
			.header("Cookie", device)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"device-secret\"}")));
		assertThat(unlock.status()).as(unlock.body()).isEqualTo(200);
		assertThat(unlock.header("Set-Cookie")).as("it had a device already").isNull();

		Api.Response elsewhere = api.send(api.builder(page + "/unlock", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"device-secret\"}")));
		assertThat(elsewhere.status()).as("the right password on another device").isEqualTo(403);
		assertThat(elsewhere.json().get("type").asString()).endsWith("/device-not-allowed");
	}

	@Test
	void linksAreNotBoundUnlessAsked() {
		JsonNode link = link(Map.of());
		assertThat(link.get("bind_to_first_device").asBoolean()).isFalse();
		String page = "/api/v1/share/" + link.get("token").asString();
		Api.Response first = api.get(page, null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Set-Cookie")).isNull();
		assertThat(api.from("127.0.0.2").get(page, null).status()).isEqualTo(200);
	}

	private List<String> audited(String action, String linkId) {
		return jdbc
			.sql("SELECT outcome || ' ' || COALESCE(details, '') FROM audit_log WHERE action = ? "
					+ "AND object_id = ?")
			.params(action, linkId)
			.query(String.class)
			.list();
	}

	private JsonNode link(Map<String, Object> options) {
		String admin = adminToken();
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/device-" + UUID.randomUUID(), admin)
			.PUT(HttpRequest.BodyPublishers.ofString("bound bytes")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Bound", "file_ids", List.of(file.json().get("id").asString())), admin);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		Api.Response link = api.post("/api/v1/transfers/" + transfer.json().get("id").asString() + "/share", options,
				admin);
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		return link.json();
	}

}
