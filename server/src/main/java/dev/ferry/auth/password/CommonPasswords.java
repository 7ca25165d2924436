package dev.ferry.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The list of common (breached) passwords Ferry ships:
 * {@code passwords/common-passwords.txt.gz}, source and licence in the NOTICE beside it.
 * A password is common when it, or what is left after stripping trailing digits and
 * punctuation ({@code Password123!}), is on the list, case ignored.
 */
@Component
class CommonPasswords {

	private static final String LIST = "passwords/common-passwords.txt.gz";

	private static final Pattern DECORATION = Pattern.compile("[\\d\\p{Punct}\\s]+$");

	private static final int MIN_BASE = 4;

	private final Set<String> passwords;

	CommonPasswords() {
		this.passwords = load();
	}

	int size() {
		return passwords.size();
	}

	boolean contains(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (passwords.contains(lower)) {
			return true;
		}
		String base = DECORATION.matcher(lower).replaceFirst("");
		return base.length() >= MIN_BASE && passwords.contains(base);
	}

	private static Set<String> load() {
		Set<String> set = new HashSet<>(150_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(new ClassPathResource(LIST).getInputStream()), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter((line) -> !line.isBlank())
				.forEach((line) -> set.add(line.strip().toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LIST, ex);
		}
		return Set.copyOf(set);
	}

}
