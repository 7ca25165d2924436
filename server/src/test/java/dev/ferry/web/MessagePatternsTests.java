package dev.ferry.web;

import java.util.Locale;
import java.util.Map;

import dev.ferry.i18n.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English details recognised as catalogue messages and formatted in another language, for
 * texts that share a beginning: the most specific message must win.
 */
class MessagePatternsTests {

	private final MessagePatterns patterns = new MessagePatterns(new Messages());

	@Test
	void anUploadPolicyRefusalIsTranslatedWithOrWithoutTheRulesName() {
		assertThat(detail("upload-policy",
				"Upload policy rule 2 (\"Only text\") allows at most 2048 bytes; this file has 3000.", Locale.GERMAN))
			.isEqualTo("Upload-Regel 2 („Only text“) erlaubt höchstens 2.048 Bytes; diese Datei hat 3.000.");
		assertThat(detail("upload-policy", "Upload policy rule 1 does not allow files ending in .exe, .bat.",
				Locale.FRENCH))
			.isEqualTo("La règle de dépôt 1 n’autorise pas les fichiers se terminant par .exe, .bat.");
		assertThat(detail("upload-policy",
				"Upload policy rule 3 does not allow application/x-msdownload files; "
						+ "this file's content is application/x-msdownload.",
				Locale.JAPANESE))
			.isEqualTo("アップロードポリシーのルール 3は application/x-msdownload のファイルを許可していません。"
					+ "このファイルの内容は application/x-msdownload です。");
	}

	@Test
	void aDetailThatIsAnotherPlusAFixedTailIsTakenForTheLongerOne() {
		assertThat(detail("offset-mismatch",
				"The upload is at byte 1024, not 512. Ask with HEAD and resume from there.", Locale.GERMAN))
			.isEqualTo(
					"Der Upload steht bei Byte 1.024, nicht 512. Fragen Sie mit HEAD nach und setzen Sie dort fort.");
		assertThat(detail("offset-mismatch", "The upload is at byte 1024, not 512.", Locale.GERMAN))
			.isEqualTo("Der Upload steht bei Byte 1.024, nicht 512.");
		assertThat(detail("country-not-allowed",
				"This resource may not be used from an unknown country; ask its owner to allow your country.",
				Locale.JAPANESE))
			.isEqualTo("このリソースは不明な国からは使用できません。所有者にあなたの国の許可を依頼してください。");
		assertThat(detail("country-not-allowed",
				"This resource may not be used from BR; ask its owner to allow your country.", Locale.JAPANESE))
			.isEqualTo("このリソースは BR からは使用できません。所有者にあなたの国の許可を依頼してください。");
	}

	@Test
	void countsInADetailFollowTheLanguagesPluralRules() {
		String banned = "Your address 203.0.113.9 is blocked after too many failed attempts or by an administrator; "
				+ "try again in %d minutes.";
		assertThat(detail("address-banned", banned.formatted(1), Locale.GERMAN)).endsWith("in 1 Minute erneut.");
		assertThat(detail("address-banned", banned.formatted(15), Locale.GERMAN)).endsWith("in 15 Minuten erneut.");
		assertThat(detail("address-banned", banned.formatted(2), Locale.forLanguageTag("ar")))
			.startsWith("عنوانك 203.0.113.9 محظور")
			.endsWith("بعد دقيقتين.");
	}

	@Test
	void filePathRefusalsAreTranslatedWithTheirQuotesAndBackslashes() {
		assertThat(detail("invalid-path", "The file name must not contain '\\'.", Locale.GERMAN))
			.isEqualTo("Der Dateiname darf kein '\\' enthalten.");
		assertThat(detail("invalid-path", "A folder name must not be '..'.", Locale.GERMAN))
			.isEqualTo("Ein Ordnername darf nicht '..' sein.");
		assertThat(detail("invalid-path", "The file name must not be blank.", Locale.GERMAN))
			.isEqualTo("Der Dateiname darf nicht leer sein.");
		assertThat(detail("invalid-path", "The file name contains a control character (code 7).", Locale.JAPANESE))
			.isEqualTo("ファイル名に制御文字（コード 7）が含まれています。");
	}

	@Test
	void aLanguageListEndingInNullIsNotTakenForAPlainList() {
		assertThat(patterns.translate("field.error.", "must be one of en, de, or null", Locale.GERMAN, Map.of()))
			.contains("muss einer von en, de oder null sein");
	}

	private String detail(String slug, String english, Locale locale) {
		return patterns.translate("problem." + slug + ".detail", english, locale, Map.of()).orElseThrow();
	}

}
