package dev.ferry.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Classpath templates {@code mail/<name>.txt} (first line {@code Subject: ...}) and
 * {@code mail/<name>.html} with {@code {{placeholder}}} values. Values are escaped in the
 * HTML part, so a transfer title cannot inject markup; an unknown placeholder is a bug
 * and fails loudly.
 */
@Component
class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	Rendered render(String template, Map<String, String> values) {
		String text = fill(load(template + ".txt"), values, false);
		int newline = text.indexOf('\n');
		if (!text.startsWith("Subject: ") || newline < 0) {
			throw new IllegalStateException("Template " + template + ".txt must start with a Subject line");
		}
		String subject = text.substring("Subject: ".length(), newline).strip().replaceAll("[\\r\\n]", " ");
		return new Rendered(subject, text.substring(newline + 1).strip() + "\n",
				fill(load(template + ".html"), values, true));
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

	private static String fill(String template, Map<String, String> values, boolean html) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for mail placeholder " + matcher.group(1));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	record Rendered(String subject, String text, String html) {
	}

}
