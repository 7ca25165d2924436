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
 * {@code problem.<slug>.title}. A detail is translated when it is the English text of one
 * of its type's {@code problem.<slug>.detail*} messages ({@link MessagePatterns}), so
 * modules keep writing plain English and a detail without a message stays English; the
 * field errors in {@code errors} likewise ({@link FieldErrorLanguage}).
 */
@Component
class ProblemLanguage {

	private static final String TYPE_PREFIX = "/problems/";

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
		if (locale.equals(Languages.DEFAULT) || problem.getType() == null
				|| !problem.getType().toString().startsWith(TYPE_PREFIX)) {
			return problem;
		}
		String slug = problem.getType().toString().substring(TYPE_PREFIX.length());
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
