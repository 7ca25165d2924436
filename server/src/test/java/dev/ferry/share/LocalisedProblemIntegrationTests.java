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
	void fieldErrorsOfARequestRecordAreTranslated() {
		String body = "{\"email\": \"not-an-email\", \"password\": \"qwertyuiop123\", \"role\": \"boss\", "
				+ "\"name\": \"" + "n".repeat(201) + "\"}";
		Map<String, JsonNode> english = fieldErrors(adminPost("/api/v1/admin/users", body, "en"));
		Map<String, JsonNode> german = fieldErrors(adminPost("/api/v1/admin/users", body, "de-CH,de;q=0.9"));
		Map<String, JsonNode> japanese = fieldErrors(adminPost("/api/v1/admin/users", body, "ja-JP"));

		assertThat(german.keySet()).containsExactlyInAnyOrder("email", "password", "role", "name")
			.isEqualTo(english.keySet())
			.isEqualTo(japanese.keySet());
		assertThat(english.get("email").get("message").asString()).isEqualTo("must be a well-formed email address");
		assertThat(german.get("email").get("message").asString()).isEqualTo("muss eine gültige E-Mail-Adresse sein");
		assertThat(japanese.get("email").get("message").asString()).isEqualTo("有効なメールアドレスを入力してください");
		assertThat(german.get("name").get("message").asString()).isEqualTo("Länge muss zwischen 0 und 200 liegen");
		assertThat(japanese.get("name").get("message").asString()).isEqualTo("長さは 0〜200 にしてください");
		assertThat(german.get("role").get("message").asString())
			.isEqualTo("muss einer dieser Werte sein: admin, user, guest");
		assertThat(english.get("password").get("message").asString())
			.isEqualTo("This password is one of the most common passwords; choose something less predictable.");
		assertThat(german.get("password").get("message").asString())
			.isEqualTo("Das Passwort gehört zu den häufigsten Passwörtern; wählen Sie etwas weniger Vorhersehbares.");
		assertThat(german.get("password").get("suggestions").get(0).asString()).isEqualTo(
				"Verwenden Sie einige ungewöhnliche Wörter oder ein von einem Passwort-Manager erzeugtes Passwort.");
		assertThat(japanese.get("password").get("message").asString())
			.isEqualTo("このパスワードはよく使われるパスワードの一つです。推測されにくいものを選んでください。");
	}

	@Test
	void aWeakPasswordAndNbvcxzHintsAreTranslated() {
		Account user = newUser();
		String body = "{\"current_password\": \"password-" + user.id() + "\", \"new_password\": \"aaaaaaaaaaaaaaaa\"}";
		JsonNode english = fieldErrors(post("/api/v1/auth/password", body, user.token(), "en")).get("new_password");
		JsonNode german = fieldErrors(post("/api/v1/auth/password", body, user.token(), "de")).get("new_password");
		JsonNode japanese = fieldErrors(post("/api/v1/auth/password", body, user.token(), "ja")).get("new_password");

		assertThat(english.get("message").asString()).matches(
				"This password is too easy to guess \\(estimated \\d+ bits of strength, at least \\d+ needed\\)\\.");
		assertThat(english.get("suggestions").valueStream().map(JsonNode::asString))
			.contains("Repeats like \"aaa\" are easy to guess.", "Avoid repeated words and characters.");
		assertThat(german.get("message").asString()).matches(
				"Das Passwort ist zu leicht zu erraten \\(geschätzte Stärke \\d+ Bit, mindestens \\d+ nötig\\)\\.");
		assertThat(german.get("suggestions").valueStream().map(JsonNode::asString))
			.hasSameSizeAs(english.get("suggestions").valueStream().toList())
			.contains("Wiederholungen wie „aaa“ sind leicht zu erraten.",
					"Vermeiden Sie wiederholte Wörter und Zeichen.");
		assertThat(japanese.get("message").asString()).matches("このパスワードは推測されやすすぎます（推定強度 \\d+ ビット、\\d+ ビット以上が必要）。");
		assertThat(japanese.get("suggestions").valueStream().map(JsonNode::asString))
			.hasSameSizeAs(english.get("suggestions").valueStream().toList())
			.contains("「aaa」のような繰り返しは推測されやすいです。", "単語や文字の繰り返しは避けてください。");
	}

	@Test
	void fieldErrorsAServiceWritesAndUnreadableBodiesAreTranslated() {
		JsonNode english = publicPost("/api/v1/auth/refresh", "{}", "Accept-Language", "en").json();
		JsonNode german = publicPost("/api/v1/auth/refresh", "{}", "Accept-Language", "de").json();
		JsonNode french = publicPost("/api/v1/auth/login", "{\"email\": [1]}", "Accept-Language", "fr").json();
		Api.Response broken = publicPost("/api/v1/auth/login", "{\"email\": ", "Accept-Language", "ja");

		assertThat(english.get("errors").get(0).get("message").asString())
			.isEqualTo("is required, in the body or as the __Secure-ferry-refresh cookie");
		assertThat(german.get("errors").get(0).get("message").asString())
			.isEqualTo("ist erforderlich, im Body oder als Cookie __Secure-ferry-refresh");
		assertThat(french.get("errors").get(0).get("message").asString()).isEqualTo("doit être une chaîne");
		assertThat(problemType(broken)).isEqualTo("/problems/malformed-json");
		assertThat(broken.json().get("title").asString()).isEqualTo("不正な JSON");
		assertThat(broken.json().get("detail").asString()).startsWith("リクエスト本文が有効な JSON ではありません");
	}

	@Test
	void fileLinkAndFolderProblemsAreTranslatedWithTheirArguments() {
		Account owner = newUser();
		String fileId = upload(owner, "/report.txt", "r".getBytes());
		String missingFile = "/api/v1/files/" + UUID.randomUUID();
		Api.Response german = send(api.builder(missingFile, owner.token()).GET(), "de");
		Api.Response english = send(api.builder(missingFile, owner.token()).GET(), "en");
		assertThat(german.status()).isEqualTo(404);
		assertThat(List.of(problemType(german), problemType(english))).containsOnly("/problems/file-not-found");
		assertThat(german.json().get("title").asString()).isEqualTo("Datei nicht gefunden");
		assertThat(german.json().get("detail").asString()).isEqualTo("Es gibt keine Datei mit dieser ID.");
		assertThat(english.json().get("title").asString()).isEqualTo("No such file");
		assertThat(english.json().get("detail").asString()).isEqualTo("There is no file with this id.");
		Api.Response noTransfer = send(api.builder("/api/v1/transfers/" + UUID.randomUUID(), owner.token()).GET(),
				"de");
		assertThat(problemType(noTransfer)).isEqualTo("/problems/not-found");
		assertThat(noTransfer.json().get("detail").asString()).isEqualTo("Es gibt keine Übertragung mit dieser ID.");

		String token = tokenOf(
				link(owner, transfer(owner, fileId).get("id").asString(), Map.of("password", "right horse battery")));
		Api.Response locked = publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download", "Accept-Language",
				"ja");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(problemType(locked)).isEqualTo("/problems/share-locked");
		assertThat(locked.json().get("title").asString()).isEqualTo("リンクはロックされています");
		assertThat(locked.json().get("detail").asString())
			.isEqualTo("このリンクにはパスワードが必要です。まずロックを解除し、セッションを X-Share-Session で送信してください。");

		Api.Response taken = send(folder(owner, "/report.txt"), "ar");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(problemType(taken)).isEqualTo("/problems/path-taken");
		assertThat(taken.json().get("detail").asString()).isEqualTo("يستخدم ملف آخر المسار /report.txt بالفعل.");
		assertThat(send(folder(owner, "/archive"), "ar").status()).isEqualTo(201);
		Api.Response exists = send(folder(owner, "/archive"), "ar");
		assertThat(problemType(exists)).isEqualTo("/problems/folder-exists");
		assertThat(exists.json().get("detail").asString()).isEqualTo("المجلد /archive موجود بالفعل.");
		assertThat(send(folder(owner, "/archive"), "en").json().get("detail").asString())
			.isEqualTo("The folder /archive exists already.");
		Api.Response dots = send(folder(owner, "/a/../b"), "ar");
		assertThat(problemType(dots)).isEqualTo("/problems/invalid-path");
		assertThat(dots.json().get("title").asString()).isEqualTo("مسار ملف غير صالح");
		assertThat(dots.json().get("detail").asString()).isEqualTo("يجب ألا يكون اسم المجلد '..'.");
	}

	@Test
	void aDeviceSignInRefusalIsTranslatedAndKeepsItsOAuthError() {
		Api.Response unknown = publicPost("/api/v1/auth/device/token",
				Map.of("device_code", "unknown-" + UUID.randomUUID()), "Accept-Language", "de");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(problemType(unknown)).isEqualTo("/problems/invalid-device-code");
		assertThat(unknown.json().get("title").asString()).isEqualTo("Unbekannter Gerätecode");
		assertThat(unknown.json().get("detail").asString())
			.isEqualTo("Der Gerätecode ist unbekannt oder wurde bereits verwendet. Starten Sie die Anmeldung erneut.");
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_grant");
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

	private java.net.http.HttpRequest.Builder folder(Account owner, String path) {
		return api.builder("/api/v1/folders", owner.token())
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"path\": \"" + path + "\"}"));
	}

	private Api.Response send(java.net.http.HttpRequest.Builder request, String language) {
		return api.send(request.header("Accept-Language", language));
	}

	private Api.Response adminPost(String path, String body, String language) {
		return post(path, body, adminToken(), language);
	}

	private Api.Response post(String path, String body, String token, String language) {
		Api.Response response = api.send(api.builder(path, token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", language)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(problemType(response)).isEqualTo("/problems/validation");
		return response;
	}

	private static Map<String, JsonNode> fieldErrors(Api.Response response) {
		Map<String, JsonNode> errors = new java.util.HashMap<>();
		response.json().get("errors").forEach((error) -> errors.put(error.get("field").asString(), error));
		return errors;
	}

}
