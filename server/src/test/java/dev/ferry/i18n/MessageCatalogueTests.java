package dev.ferry.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped catalogue has exactly the English keys, and every message parses. */
class MessageCatalogueTests {

	static final java.util.List<String> TAGS = Languages.TAGS;

	@ParameterizedTest
	@FieldSource("TAGS")
	void hasExactlyTheEnglishKeysAndEveryMessageParses(String tag) {
		Locale locale = Languages.shipped(tag).orElseThrow();
		Properties english = Messages.load(Languages.DEFAULT);
		Properties catalogue = Messages.load(locale);

		Set<String> missing = new TreeSet<>(english.stringPropertyNames());
		missing.removeAll(catalogue.stringPropertyNames());
		Set<String> extra = new TreeSet<>(catalogue.stringPropertyNames());
		extra.removeAll(english.stringPropertyNames());
		assertThat(missing).as("keys missing in " + tag).isEmpty();
		assertThat(extra).as("keys in " + tag + " that English lacks").isEmpty();

		for (String key : catalogue.stringPropertyNames()) {
			MessageFormat message = new MessageFormat(catalogue.getProperty(key), ULocale.forLocale(locale));
			Set<String> known = new TreeSet<>(
					new MessageFormat(english.getProperty(key), ULocale.ENGLISH).getArgumentNames());
			known.addAll(key.startsWith("problem.validation.") ? Set.of("fields", "field_count") : Set.of());
			assertThat(known).as(tag + " " + key + " uses only the English message's arguments")
				.containsAll(message.getArgumentNames());
		}
	}

	@Test
	void languagesAreMatchedToTheShippedOnes() {
		assertThat(Languages.shipped("PT-br")).contains(Locale.forLanguageTag("pt-BR"));
		assertThat(Languages.shipped("zh_CN")).contains(Locale.forLanguageTag("zh-CN"));
		assertThat(Languages.shipped("xx")).isEmpty();
		assertThat(Languages.fromAcceptLanguage("de-CH,de;q=0.9,en;q=0.5")).isEqualTo(Locale.GERMAN);
		assertThat(Languages.fromAcceptLanguage("pt-PT")).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(Languages.fromAcceptLanguage("xx")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.fromAcceptLanguage("fr;q=0.1,en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.fromAcceptLanguage(";;;")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void pluralsFollowEachLanguagesRules() {
		Messages messages = new Messages();
		assertThat(messages.format("problem.too-many-attempts.detail.secret", Locale.GERMAN, Map.of("seconds", 1L)))
			.contains("in 1 Sekunde erneut");
		assertThat(messages.format("problem.too-many-attempts.detail.secret", Locale.GERMAN, Map.of("seconds", 5L)))
			.contains("in 5 Sekunden erneut");
	}

	/**
	 * nbvcxz's hints reach the API in English ({@code feedback} root bundle); each must
	 * be a {@code field.suggestion.*} message, or it would stay English in every
	 * language.
	 */
	@Test
	void everyPasswordHintOfNbvcxzHasAMessage() {
		Properties english = Messages.load(Languages.DEFAULT);
		Set<String> hints = new TreeSet<>();
		english.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("field.suggestion."))
			.forEach((key) -> hints.add(english.getProperty(key)));
		ResourceBundle feedback = ResourceBundle.getBundle("feedback", Locale.ROOT);

		assertThat(feedback.keySet()).isNotEmpty();
		assertThat(hints).containsAll(feedback.keySet().stream().map(feedback::getString).toList());
	}

}
