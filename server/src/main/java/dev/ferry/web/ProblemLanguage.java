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

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Translates a problem's {@code title} and {@code detail} into the language of the
 * request's {@code Accept-Language}, in one place for every module: the {@code type}
 * never changes and English stays as the module wrote it. Titles come from
 * {@code problem.<slug>.title}. A detail is translated when it equals the English text of
 * one of its type's {@code problem.<slug>.detail*} messages, whose arguments stand for
 * any text; what they matched fills the translation (digits as numbers, for plurals), so
 * modules keep writing plain English and a detail without a message stays English.
 */
@Component
class ProblemLanguage {

	private static final String TYPE_PREFIX = "/problems/";

	private final Messages messages;

	private final Map<String, List<DetailPattern>> details = new ConcurrentHashMap<>();

	ProblemLanguage(Messages messages) {
		this.messages = messages;
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
		Optional<String> detail = (problem.getDetail() != null) ? translatedDetail(slug, problem, locale)
				: Optional.empty();
		if (title.isEmpty() && detail.isEmpty()) {
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
		return translated;
	}

	private Optional<String> translatedDetail(String slug, ProblemDetail problem, Locale locale) {
		for (DetailPattern pattern : details.computeIfAbsent(slug, this::compile)) {
			Matcher matcher = pattern.regex().matcher(problem.getDetail());
			if (matcher.matches()) {
				Map<String, Object> args = new HashMap<>(extraArguments(problem));
				for (int i = 0; i < pattern.names().size(); i++) {
					String value = matcher.group(i + 1);
					args.put(pattern.names().get(i), value.matches("\\d{1,18}") ? (Object) Long.valueOf(value) : value);
				}
				return messages.find(pattern.key(), locale, args);
			}
		}
		return Optional.empty();
	}

	/** Arguments a translation may add to the English text: the invalid fields' names. */
	private static Map<String, Object> extraArguments(ProblemDetail problem) {
		Object errors = (problem.getProperties() != null) ? problem.getProperties().get("errors") : null;
		List<String> fields = new ArrayList<>();
		if (errors instanceof List<?> list) {
			for (Object error : list) {
				if (error instanceof Map<?, ?> map && map.get("field") != null) {
					fields.add(map.get("field").toString());
				}
			}
		}
		return Map.of("fields", String.join(", ", fields), "field_count", (long) fields.size());
	}

	/**
	 * The type's detail messages as regular expressions: the English text rendered with a
	 * marker for each argument, quoted around the markers.
	 */
	private List<DetailPattern> compile(String slug) {
		List<DetailPattern> compiled = new ArrayList<>();
		for (String key : messages.keys("problem." + slug + ".detail")) {
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
			compiled.add(new DetailPattern(key, Pattern.compile(regex.toString(), Pattern.DOTALL), names));
		}
		return compiled;
	}

	private record DetailPattern(String key, Pattern regex, List<String> names) {
	}

}
