package dev.ferry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Translates a problem's {@code errors}: each {@code message} that is the English text of
 * a {@code field.error.*} message, and each password hint in {@code suggestions} that is
 * one of {@code field.suggestion.*} (nbvcxz's feedback among them). Fields, and anything
 * without a message, stay as they were.
 */
@Component
class FieldErrorLanguage {

	private static final String MESSAGE = "message";

	private static final String SUGGESTIONS = "suggestions";

	private final MessagePatterns patterns;

	FieldErrorLanguage(MessagePatterns patterns) {
		this.patterns = patterns;
	}

	/** {@code errors} in {@code locale}; empty when nothing in them has a translation. */
	Optional<List<Object>> translate(Object errors, Locale locale) {
		if (!(errors instanceof List<?> list)) {
			return Optional.empty();
		}
		boolean changed = false;
		List<Object> translated = new ArrayList<>();
		for (Object error : list) {
			Object copy = (error instanceof Map<?, ?> map) ? translateError(map, locale) : error;
			changed |= !copy.equals(error);
			translated.add(copy);
		}
		return changed ? Optional.of(translated) : Optional.empty();
	}

	private Map<Object, Object> translateError(Map<?, ?> error, Locale locale) {
		Map<Object, Object> copy = new LinkedHashMap<>(error);
		if (error.get(MESSAGE) instanceof String message) {
			copy.put(MESSAGE, text("field.error.", message, locale));
		}
		if (error.get(SUGGESTIONS) instanceof List<?> suggestions) {
			copy.put(SUGGESTIONS,
					suggestions.stream()
						.map((hint) -> (hint instanceof String text) ? text("field.suggestion.", text, locale) : hint)
						.toList());
		}
		return copy;
	}

	private String text(String prefix, String english, Locale locale) {
		return patterns.translate(prefix, english, locale, Map.of()).orElse(english);
	}

}
