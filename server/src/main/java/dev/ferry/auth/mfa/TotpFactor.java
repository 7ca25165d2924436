package dev.ferry.auth.mfa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.session.SecondFactor;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The authenticator app as a second factor at sign-in: a TOTP code (each time step once)
 * or an unused recovery code (used up).
 */
@Component
@Order(1)
class TotpFactor implements SecondFactor {

	private final SecondFactorRepository factors;

	private final TotpSecrets secrets;

	private final RecoveryCodeBook recoveryCodes;

	TotpFactor(SecondFactorRepository factors, TotpSecrets secrets, RecoveryCodeBook recoveryCodes) {
		this.factors = factors;
		this.secrets = secrets;
		this.recoveryCodes = recoveryCodes;
	}

	/** Answers which kind of code matched. */
	@Override
	public Optional<String> check(UUID userId, String code) {
		Optional<SecondFactorRepository.TotpCredential> totp = this.factors.findTotp(userId)
			.filter(SecondFactorRepository.TotpCredential::confirmed);
		if (totp.isEmpty() || code == null) {
			return Optional.empty();
		}
		String digits = code.replaceAll("\\s", "");
		if (digits.length() == Totp.DIGITS && digits.chars().allMatch(Character::isDigit)) {
			return this.secrets.accept(userId, totp.get(), digits) ? Optional.of("totp") : Optional.empty();
		}
		return this.recoveryCodes.use(userId, code) ? Optional.of("recovery_code") : Optional.empty();
	}

	boolean hasTotp(UUID userId) {
		return this.factors.findTotp(userId).filter(SecondFactorRepository.TotpCredential::confirmed).isPresent();
	}

	@Override
	public List<String> methods(UUID userId) {
		return hasTotp(userId) ? List.of("totp", "recovery_code") : List.of();
	}

}
