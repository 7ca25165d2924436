package dev.ferry.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.i18n.Languages;
import dev.ferry.i18n.Messages;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Classpath templates {@code mail/<name>.txt} (first line {@code Subject: ...}) and
 * {@code mail/<name>.html} with {@code {{placeholder}}} values and {@code {{t:key}}}
 * texts: the message {@code mail.<name>.<key>} (or {@code key} itself when it contains a
 * dot) from the catalogue in the recipient's language, its ICU arguments being the same
 * values. {@code {{lang}}} and {@code {{dir}}} give the HTML part the language and
 * writing direction, in the layout {@code mail/layout.html} that wraps every HTML part.
 * Values and texts are escaped in the HTML part, so a transfer title cannot inject
 * markup; an unknown placeholder is a bug and fails loudly.
 */
@Component
class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(t:)?([a-zA-Z0-9_.-]+)}}");

	private static final String LAYOUT = "layout.html";

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");

	/** Where the layout takes a template's HTML: not a placeholder, so never escaped. */
	private static final String CONTENT = "<!--content-->";

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	private final Messages messages;

	MailTemplates(Messages messages) {
		this.messages = messages;
	}

	Rendered render(String template, Map<String, String> given, Locale locale) {
		Locale language = Languages.closest(locale);
		Map<String, String> values = new HashMap<>(given);
		values.put("lang", language.toLanguageTag());
		values.put("dir", Languages.rightToLeft(language) ? "rtl" : "ltr");
		String source = load(template + ".txt");
		int newline = source.indexOf('\n');
		if (!source.startsWith("Subject: ") || newline < 0) {
			throw new IllegalStateException("Template " + template + ".txt must start with a Subject line");
		}
		// The subject line is cut off before the values go in: a name with a line break
		// in it (a provider's display name) would otherwise end the subject there and put
		// the rest at the top of the body.
		Map<String, String> oneLine = new HashMap<>();
		values.forEach(
				(key, value) -> oneLine.put(key, (value != null) ? LINE_BREAKS.matcher(value).replaceAll(" ") : null));
		String subject = fill(source.substring("Subject: ".length(), newline), template, oneLine, language, false)
			.strip();
		String text = fill(source.substring(newline + 1), template, values, language, false).strip() + "\n";
		return new Rendered(subject, text, html(template, values, language));
	}

	private String load(String name) {
		return cache.computeIfAbsent(name, (key) -> {
			try (InputStream in = new ClassPathResource("mail/" + key).getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Missing mail template " + key, ex);
			}
		});
	}

	/** The template's HTML inside the shared layout (language, direction, footer). */
	private String html(String template, Map<String, String> values, Locale language) {
		String content = fill(load(template + ".html"), template, values, language, true);
		String layout = fill(load(LAYOUT), template, values, language, true);
		return layout.replace(CONTENT, content);
	}

	private String fill(String source, String template, Map<String, String> values, Locale language, boolean html) {
		Matcher matcher = PLACEHOLDER.matcher(source);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(2);
			String value = (matcher.group(1) == null) ? values.get(name)
					: messages.format(name.contains(".") ? name : "mail." + template + "." + name, language, values);
			if (value == null) {
				throw new IllegalArgumentException("No value for mail placeholder " + name);
			}
			matcher.appendReplacement(out,
					Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value, "UTF-8") : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	record Rendered(String subject, String text, String html) {
	}

}
