package dev.ferry.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.i18n.Languages;
import dev.ferry.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mail template renders in every shipped language, its HTML marked with both. */
class MailTemplatesTests {

	static final java.util.List<String> TAGS = Languages.TAGS;

	private static final Pattern VALUE = Pattern.compile("\\{\\{([a-z_]+)}}|\\{([a-z_]+)");

	private final MailTemplates templates = new MailTemplates(new Messages());

	@ParameterizedTest
	@FieldSource("TAGS")
	void everyTemplateRendersInEveryLanguage(String tag) throws IOException {
		Locale locale = Languages.shipped(tag).orElseThrow();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:mail/*.txt");
		assertThat(files).hasSizeGreaterThanOrEqualTo(15);
		for (Resource file : files) {
			String name = file.getFilename().replace(".txt", "");
			MailTemplates.Rendered mail = templates.render(name, valuesFor(name), locale);
			assertThat(mail.subject()).as(name).isNotBlank().doesNotContain("{");
			assertThat(mail.text()).as(name).doesNotContain("{{").doesNotContain("{t:");
			assertThat(mail.html()).as(name)
				.contains("lang=\"" + tag + "\"")
				.contains("dir=\"" + (tag.equals("ar") ? "rtl" : "ltr") + "\"");
		}
	}

	@Test
	void valuesAreEscapedInTheHtmlAndTextComesFromTheRecipientsLanguage() {
		Map<String, String> values = Map.of("sender_name", "Ada", "title", "<b>Q3</b>", "message", "Hi & bye", "link",
				"https://ferry.test/s/x", "expires_at", "2027-01-01");
		MailTemplates.Rendered german = templates.render("transfer-shared", values, Locale.GERMAN);
		assertThat(german.subject()).isEqualTo("Ada hat Ihnen Dateien gesendet: <b>Q3</b>");
		assertThat(german.text()).contains("Ada hat Ihnen „<b>Q3</b>“ gesendet.").contains("Gesendet von Ferry.");
		assertThat(german.html()).contains("&lt;b&gt;Q3&lt;/b&gt;").doesNotContain("<b>Q3");
		MailTemplates.Rendered arabic = templates.render("transfer-shared", values, Locale.forLanguageTag("ar"));
		assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\">");
		MailTemplates.Rendered unknown = templates.render("transfer-shared", values, Locale.forLanguageTag("xx"));
		assertThat(unknown.subject()).isEqualTo("Ada sent you files: <b>Q3</b>");
	}

	/**
	 * A value with a line break (a provider's display name) stays within the subject and
	 * does not open the body with whatever follows it.
	 */
	@Test
	void aLineBreakInAValueStaysInTheSubject() {
		Map<String, String> values = Map.of("sender_name", "Alice\nYour account is locked, verify at https://evil.test",
				"title", "Q3", "message", "", "link", "https://ferry.test/s/x", "expires_at", "2027-01-01");

		MailTemplates.Rendered mail = templates.render("transfer-shared", values, Locale.ENGLISH);

		assertThat(mail.subject())
			.isEqualTo("Alice Your account is locked, verify at https://evil.test sent you files: Q3");
		assertThat(mail.text()).doesNotStartWith("Your account is locked");
	}

	/** A value for every placeholder and message argument the template's texts use. */
	private static Map<String, String> valuesFor(String template) throws IOException {
		Map<String, String> values = new HashMap<>();
		String source = new String(
				new PathMatchingResourcePatternResolver().getResource("classpath:mail/" + template + ".txt")
					.getContentAsByteArray(),
				StandardCharsets.UTF_8)
				+ new String(new PathMatchingResourcePatternResolver().getResource("classpath:i18n/messages.properties")
					.getContentAsByteArray(), StandardCharsets.UTF_8);
		Matcher matcher = VALUE.matcher(source);
		while (matcher.find()) {
			values.put((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2), "v");
		}
		return values;
	}

}
