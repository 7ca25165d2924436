package dev.ferry.auth.mfa;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets: sealed under the KEK (registered for re-sealing on rotation), bound to
 * the user id, and the time step of every accepted code recorded so it never works twice.
 */
@Component
class TotpSecrets {

	private static final String CONTEXT = "totp:";

	private final SecondFactorRepository factors;

	private final SealedColumn secrets;

	private final Clock clock;

	TotpSecrets(SecondFactorRepository factors, KeyEncryptionKey kek, JdbcClient jdbc, Clock clock) {
		this.factors = factors;
		this.secrets = SealedTable.register(kek, jdbc, "totp_credentials", "user_id", "sealed_secret", CONTEXT);
		this.clock = clock;
	}

	/** A new secret, saved as the user's pending (unconfirmed) authenticator. */
	byte[] enroll(UUID userId) {
		byte[] secret = Totp.newSecret();
		this.factors.savePending(userId, this.secrets.seal(secret, context(userId)), this.clock.instant());
		return secret;
	}

	/** The pending authenticator becomes the user's second factor. */
	void confirm(UUID userId) {
		this.factors.confirm(userId, this.clock.instant());
	}

	/** Whether {@code code} is a current code of {@code totp} not accepted before. */
	boolean accept(UUID userId, SecondFactorRepository.TotpCredential totp, String code) {
		byte[] secret = this.secrets.open(totp.sealedSecret(), context(userId));
		OptionalLong step = Totp.match(secret, code, this.clock.instant(), totp.lastStep());
		return step.isPresent() && this.factors.useStep(userId, step.getAsLong());
	}

	private static String context(UUID userId) {
		return CONTEXT + userId;
	}

}
