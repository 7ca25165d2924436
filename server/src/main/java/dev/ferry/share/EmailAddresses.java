package dev.ferry.share;

import java.util.Locale;

/**
 * Email addresses as sharing compares them: trimmed and lower-cased. Shared by transfers
 * (recipients), links and upload requests (verified visitors).
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	public static String normalize(String email) {
		if (email == null || email.isBlank() || email.length() > 320 || !email.contains("@")) {
			throw ShareException.invalid("Give a valid email address.");
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** {@link #normalize(String)}, running {@code refused} (to audit it) before a 400. */
	public static String normalize(String email, Runnable refused) {
		try {
			return normalize(email);
		}
		catch (ShareException ex) {
			refused.run();
			throw ex;
		}
	}

}
