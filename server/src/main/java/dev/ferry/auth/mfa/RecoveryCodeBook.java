package dev.ferry.auth.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Component;

/**
 * One-time recovery codes: {@value #RECOVERY_CODES} at a time, shown once, stored hashed
 * and bound to the user id, each used up by its first use.
 */
@Component
class RecoveryCodeBook {

	static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecondFactorRepository factors;

	private final Clock clock;

	RecoveryCodeBook(SecondFactorRepository factors, Clock clock) {
		this.factors = factors;
		this.clock = clock;
	}

	/** A fresh set of codes, replacing the user's previous ones. */
	List<String> issue(UUID userId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] random = new byte[10];
			RANDOM.nextBytes(random);
			String code = Base32.encode(random).toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-");
			codes.add(code);
			hashes.add(hash(userId, code));
		}
		this.factors.replaceRecoveryCodes(userId, hashes, this.clock.instant());
		return codes;
	}

	/** Uses up {@code code} if it is one of the user's unused codes. */
	boolean use(UUID userId, String code) {
		return this.factors.useRecoveryCode(userId, hash(userId, code), this.clock.instant());
	}

	private static String hash(UUID userId, String code) {
		String normalized = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return SecureTokens.hash("recovery:" + userId + ":" + normalized);
	}

}
