package dev.ferry.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The application's {@link MessageSource}: catalogues {@code i18n/messages.properties}
 * (English) and {@code i18n/messages_<tag>.properties} (UTF-8, one per shipped language,
 * {@code -} in the tag written {@code _}) formatted with ICU4J's {@link MessageFormat},
 * so messages use ICU syntax with named arguments and CLDR plural rules. A key missing in
 * a language falls back to English.
 */
@Component("messageSource")
public class Messages implements MessageSource {

	private final Map<Locale, Properties> catalogues = new ConcurrentHashMap<>();

	/** {@code key} in {@code locale}'s closest shipped language, {@code args} by name. */
	public String format(String key, Locale locale, Map<String, ?> args) {
		return find(key, locale, args).orElseThrow(() -> new NoSuchMessageException(key, locale));
	}

	/** Like {@link #format} but empty when the English catalogue lacks {@code key}. */
	public Optional<String> find(String key, Locale locale, Map<String, ?> args) {
		Locale language = Languages.closest(locale);
		return pattern(key, language).map((pattern) -> new MessageFormat(pattern, ULocale.forLocale(language))
			.format(args, new StringBuffer(), null)
			.toString());
	}

	/** The raw pattern of {@code key} in {@code locale} (shipped), else English. */
	public Optional<String> pattern(String key, Locale locale) {
		String own = catalogue(Languages.closest(locale)).getProperty(key);
		return Optional.ofNullable((own != null) ? own : catalogue(Languages.DEFAULT).getProperty(key));
	}

	/** Every key of the English catalogue starting with {@code prefix}. */
	public Set<String> keys(String prefix) {
		Set<String> keys = new TreeSet<>();
		catalogue(Languages.DEFAULT).stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(prefix))
			.forEach(keys::add);
		return keys;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		Optional<String> pattern = pattern(code, locale);
		if (pattern.isEmpty()) {
			return defaultMessage;
		}
		return new MessageFormat(pattern.get(), ULocale.forLocale(Languages.closest(locale)))
			.format((args != null) ? args : new Object[0]);
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) {
		String message = getMessage(code, args, null, locale);
		if (message == null) {
			throw new NoSuchMessageException(code, locale);
		}
		return message;
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		if (resolvable.getCodes() != null) {
			for (String code : resolvable.getCodes()) {
				String message = getMessage(code, resolvable.getArguments(), null, locale);
				if (message != null) {
					return message;
				}
			}
		}
		if (resolvable.getDefaultMessage() != null) {
			return resolvable.getDefaultMessage();
		}
		throw new NoSuchMessageException(String.valueOf(resolvable.getCodes()), locale);
	}

	/** The catalogue file of a shipped language (read once). */
	static Properties load(Locale language) {
		String suffix = language.equals(Languages.DEFAULT) ? "" : "_" + language.toLanguageTag().replace('-', '_');
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource("i18n/messages" + suffix + ".properties").getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing message catalogue for " + language, ex);
		}
		return properties;
	}

	private Properties catalogue(Locale language) {
		return catalogues.computeIfAbsent(language, Messages::load);
	}

}
