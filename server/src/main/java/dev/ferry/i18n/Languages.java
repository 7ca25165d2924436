package dev.ferry.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Ferry ships, as BCP 47 tags. English is the default and the fallback for
 * anything else.
 */
public final class Languages {

	public static final Locale DEFAULT = Locale.ENGLISH;

	public static final List<String> TAGS = List.of("en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "ja", "zh-CN",
			"ar");

	private static final List<Locale> LOCALES = TAGS.stream().map(Locale::forLanguageTag).toList();

	private Languages() {
	}

	/**
	 * The shipped language {@code tag} names exactly (case-insensitive, {@code _} or
	 * {@code -}); empty for anything else, so a stored or requested tag is always one of
	 * {@link #TAGS}.
	 */
	public static Optional<Locale> shipped(String tag) {
		if (tag == null) {
			return Optional.empty();
		}
		String wanted = tag.strip().replace('_', '-');
		return LOCALES.stream().filter((locale) -> locale.toLanguageTag().equalsIgnoreCase(wanted)).findFirst();
	}

	/**
	 * The shipped language closest to {@code locale}: itself, else the one of the same
	 * language ({@code pt-PT} reads {@code pt-BR}, {@code zh-TW} reads {@code zh-CN}),
	 * else English.
	 */
	public static Locale closest(Locale locale) {
		if (locale == null) {
			return DEFAULT;
		}
		return shipped(locale.toLanguageTag())
			.or(() -> LOCALES.stream().filter((l) -> l.getLanguage().equals(locale.getLanguage())).findFirst())
			.orElse(DEFAULT);
	}

	/**
	 * The best shipped language for an {@code Accept-Language} header; English if none.
	 */
	public static Locale fromAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			Locale exact = Locale.lookup(ranges, LOCALES);
			if (exact != null) {
				return exact;
			}
			for (Locale.LanguageRange range : ranges) {
				Locale near = closest(Locale.forLanguageTag(range.getRange()));
				if (!near.equals(DEFAULT) || range.getRange().startsWith("en")) {
					return near;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT;
		}
		return DEFAULT;
	}

	/** Whether text in {@code locale} runs right to left (Arabic). */
	public static boolean rightToLeft(Locale locale) {
		return "ar".equals(locale.getLanguage());
	}

}
