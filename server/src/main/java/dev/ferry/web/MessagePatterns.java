package dev.ferry.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import dev.ferry.i18n.Languages;
import dev.ferry.i18n.Messages;

import org.springframework.stereotype.Component;

/**
 * Recognises English text the server wrote as one of the catalogue's messages and formats
 * that message in another language. The English messages under a key prefix become
 * regular expressions whose arguments stand for any text; what they matched fills the
 * translation (digits as numbers, for plurals). Modules keep writing plain English, and
 * text without a message stays English.
 */
@Component
class MessagePatterns {

	private final Messages messages;

	private final Map<String, List<EnglishPattern>> compiled = new ConcurrentHashMap<>();

	MessagePatterns(Messages messages) {
		this.messages = messages;
	}

	/**
	 * {@code english} in {@code locale}, when it is the text of a message whose key
	 * starts with {@code prefix}; {@code extra} adds arguments the English text does not
	 * show.
	 */
	Optional<String> translate(String prefix, String english, Locale locale, Map<String, Object> extra) {
		for (EnglishPattern pattern : compiled.computeIfAbsent(prefix, this::compile)) {
			Matcher matcher = pattern.regex().matcher(english);
			if (matcher.matches()) {
				Map<String, Object> args = new HashMap<>(extra);
				for (int i = 0; i < pattern.names().size(); i++) {
					String value = matcher.group(i + 1);
					args.put(pattern.names().get(i), value.matches("\\d{1,18}") ? (Object) Long.valueOf(value) : value);
				}
				return messages.find(pattern.key(), locale, args);
			}
		}
		return Optional.empty();
	}

	/** The English text rendered with a marker for each argument, quoted around them. */
	private List<EnglishPattern> compile(String prefix) {
		List<EnglishPattern> patterns = new ArrayList<>();
		for (String key : messages.keys(prefix)) {
			MessageFormat english = new MessageFormat(messages.pattern(key, Languages.DEFAULT).orElseThrow(),
					Locale.ENGLISH);
			Map<String, Object> markers = new HashMap<>();
			english.getArgumentNames().forEach((name) -> markers.put(name, "\u0000" + name + "\u0000"));
			String rendered = english.format(markers, new StringBuffer(), null).toString();
			StringBuilder regex = new StringBuilder();
			List<String> names = new ArrayList<>();
			String[] parts = rendered.split("\u0000", -1);
			for (int i = 0; i < parts.length; i++) {
				if (i % 2 == 0) {
					regex.append(Pattern.quote(parts[i]));
				}
				else {
					names.add(parts[i]);
					regex.append("(.+?)");
				}
			}
			patterns.add(new EnglishPattern(key, Pattern.compile(regex.toString(), Pattern.DOTALL), names));
		}
		return patterns;
	}

	private record EnglishPattern(String key, Pattern regex, List<String> names) {
	}

}
