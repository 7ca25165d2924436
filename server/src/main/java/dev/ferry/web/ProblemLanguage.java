package dev.ferry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.ferry.i18n.Languages;
import dev.ferry.i18n.Messages;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Translates a problem's {@code title} and {@code detail} into the language of the
 * request's {@code Accept-Language}, in one place for every module: the {@code type}
 * never changes and English stays as the module wrote it. Titles come from
 * {@code problem.<slug>.title} (the slug of a registered IANA type is its fragment). A
 * detail is translated when it is the English text of one of its type's
 * {@code problem.<slug>.detail*} messages ({@link MessagePatterns}), so modules keep
 * writing plain English and a detail without a message stays English; the field errors in
 * {@code errors} likewise ({@link FieldErrorLanguage}).
 */
@Component
class ProblemLanguage {

	private static final String TYPE_PREFIX = "/problems/";

	/**
	 * Types the IETF resumable-upload draft registers, which the upload module answers
	 * with instead of its own; their slugs share the catalogue's namespace.
	 */
	private static final String IANA_PREFIX = "https://iana.org/assignments/http-problem-types#";

	private static final String ERRORS = "errors";

	private final Messages messages;

	private final MessagePatterns patterns;

	private final FieldErrorLanguage fieldErrors;

	ProblemLanguage(Messages messages, MessagePatterns patterns, FieldErrorLanguage fieldErrors) {
		this.messages = messages;
		this.patterns = patterns;
		this.fieldErrors = fieldErrors;
	}

	/**
	 * {@code problem} for a request with this {@code Accept-Language} header: a
	 * translated copy (an exception's problem may be shared, so it is never changed), or
	 * {@code problem} itself when English is asked for or nothing is translated.
	 */
	ProblemDetail translate(ProblemDetail problem, String acceptLanguage) {
		Locale locale = Languages.fromAcceptLanguage(acceptLanguage);
		String slug = slug(problem);
		if (locale.equals(Languages.DEFAULT) || slug == null) {
			return problem;
		}
		Optional<String> title = messages.find("problem." + slug + ".title", locale, Map.of());
		Optional<String> detail = (problem.getDetail() != null) ? patterns.translate("problem." + slug + ".detail",
				problem.getDetail(), locale, extraArguments(problem)) : Optional.empty();
		Optional<List<Object>> errors = fieldErrors.translate(errors(problem), locale);
		if (title.isEmpty() && detail.isEmpty() && errors.isEmpty()) {
			return problem;
		}
		ProblemDetail translated = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problem.getStatus()),
				detail.orElse(problem.getDetail()));
		translated.setType(problem.getType());
		translated.setTitle(title.orElse(problem.getTitle()));
		translated.setInstance(problem.getInstance());
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(translated::setProperty);
		}
		errors.ifPresent((list) -> translated.setProperty(ERRORS, list));
		return translated;
	}

	/**
	 * The catalogue's name for the problem's type, or {@code null} for a foreign type.
	 */
	private static String slug(ProblemDetail problem) {
		String type = (problem.getType() != null) ? problem.getType().toString() : "";
		for (String prefix : new String[] { TYPE_PREFIX, IANA_PREFIX }) {
			if (type.startsWith(prefix)) {
				return type.substring(prefix.length());
			}
		}
		return null;
	}

	private static Object errors(ProblemDetail problem) {
		return (problem.getProperties() != null) ? problem.getProperties().get(ERRORS) : null;
	}

	/** Arguments a translation may add to the English text: the invalid fields' names. */
	private static Map<String, Object> extraArguments(ProblemDetail problem) {
		List<String> fields = new ArrayList<>();
		if (errors(problem) instanceof List<?> list) {
			for (Object error : list) {
				if (error instanceof Map<?, ?> map && map.get("field") != null) {
					fields.add(map.get("field").toString());
				}
			}
		}
		return Map.of("fields", String.join(", ", fields), "field_count", (long) fields.size());
	}

}
