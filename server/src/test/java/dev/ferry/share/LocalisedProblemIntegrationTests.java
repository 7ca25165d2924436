package dev.ferry.share;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problem details in the language of {@code Accept-Language}: title and detail translated
 * centrally, whichever layer wrote the problem (MVC, a module's exception, a security
 * filter); the type never changes and anything else reads English.
 */
class LocalisedProblemIntegrationTests extends ShareIntegrationTest {

	private static final String BLANK_LOGIN = "{\"email\": \"\", \"password\": \"\"}";

	@Test
	void theSameBadRequestIsExplainedInTheAskedLanguage() {
		JsonNode german = publicPost("/api/v1/auth/login", BLANK_LOGIN, "Accept-Language", "de-DE,de;q=0.9").json();
		JsonNode japanese = publicPost("/api/v1/auth/login", BLANK_LOGIN, "Accept-Language", "ja").json();
		JsonNode unknown = publicPost("/api/v1/auth/login", BLANK_LOGIN, "Accept-Language", "xx").json();
		JsonNode none = publicPost("/api/v1/auth/login", BLANK_LOGIN).json();

		assertThat(List.of(german, japanese, unknown, none))
			.allSatisfy((problem) -> assertThat(problem.get("type").asString()).isEqualTo("/problems/validation"));
		assertThat(german.get("title").asString()).isEqualTo("Ungültige Anfrage");
		assertThat(german.get("detail").asString()).startsWith("Einige Felder sind ungültig (")
			.contains("email")
			.contains("password");
		assertThat(japanese.get("title").asString()).isEqualTo("無効なリクエスト");
		assertThat(japanese.get("detail").asString()).startsWith("無効な項目があります（");
		assertThat(unknown.get("title").asString()).isEqualTo("Invalid request");
		assertThat(unknown.get("detail").asString()).isEqualTo("Some fields are invalid; see 'errors'.");
		assertThat(none.get("detail").asString()).isEqualTo(unknown.get("detail").asString());
		assertThat(german.get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrderElementsOf(unknown.get("errors").findValuesAsString("field"));
	}

	@Test
	void signInFailuresAndMissingCredentialsAreTranslated() {
		Api.Response failed = publicPost("/api/v1/auth/login",
				Map.of("email", "nobody-" + UUID.randomUUID() + "@ferry.test", "password", "wrong-password"),
				"Accept-Language", "fr");
		assertThat(failed.status()).isEqualTo(401);
		assertThat(problemType(failed)).isEqualTo("/problems/invalid-credentials");
		assertThat(failed.json().get("title").asString()).isEqualTo("Échec de la connexion");
		assertThat(failed.json().get("detail").asString())
			.isEqualTo("L’adresse e-mail ou le mot de passe est incorrect.");

		Api.Response anonymous = publicGet("/api/v1/transfers", "Accept-Language", "zh-CN");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(problemType(anonymous)).isEqualTo("/problems/unauthenticated");
		assertThat(anonymous.json().get("title").asString()).isEqualTo("未登录");
	}

	@Test
	void linkUnlockRefusalsAreTranslated() {
		Account owner = newUser();
		String fileId = upload(owner, "/p.txt", "p".getBytes());
		JsonNode transfer = transfer(owner, fileId);
		String token = tokenOf(link(owner, transfer.get("id").asString(), Map.of("password", "right horse battery")));

		Api.Response wrong = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "nope"),
				"Accept-Language", "de");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(problemType(wrong)).isEqualTo("/problems/share-wrong-password");
		assertThat(wrong.json().get("title").asString()).isEqualTo("Falsches Passwort");
		assertThat(wrong.json().get("detail").asString()).isEqualTo("Das Passwort ist nicht richtig.");

		Api.Response missing = publicGet("/api/v1/share/" + "A".repeat(43), "Accept-Language", "ar");
		assertThat(problemType(missing)).isEqualTo("/problems/share-not-found");
		assertThat(missing.json().get("detail").asString()).isEqualTo("هذا الرابط غير موجود أو ألغاه المرسِل.");

		Api.Response english = publicGet("/api/v1/share/" + "A".repeat(43), "Accept-Language", "en-GB,de;q=0.5");
		assertThat(english.json().get("detail").asString())
			.isEqualTo("This link does not exist or was revoked by its sender.");
	}

	@Test
	void detailsWithoutAMessageStayEnglish() {
		Account owner = newUser();
		String fileId = upload(owner, "/e.txt", "e".getBytes());
		Api.Response refused = api.send(api.builder("/api/v1/transfers", owner.token())
			.header("Content-Type", "application/json")
			.header("Accept-Language", "de")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"title\": \"T\", \"file_ids\": [\"" + fileId + "\"], \"recipient_locale\": \"tlh\"}")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(problemType(refused)).isEqualTo("/problems/invalid-share-request");
		assertThat(refused.json().get("detail").asString()).startsWith("recipient_locale must be one of en, de, fr");
	}

}
