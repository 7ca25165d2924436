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
	void aLanguageListEndingInNullIsNotTakenForAPlainList() {
		assertThat(patterns.translate("field.error.", "must be one of en, de, or null", Locale.GERMAN, Map.of()))
			.contains("muss einer von en, de oder null sein");
	}

	private String detail(String slug, String english, Locale locale) {
		return patterns.translate("problem." + slug + ".detail", english, locale, Map.of()).orElseThrow();
	}

}
