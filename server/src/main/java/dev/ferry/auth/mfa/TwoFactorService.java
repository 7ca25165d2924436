package dev.ferry.auth.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.passkey.PasskeyFactor;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SecondFactor;
import dev.ferry.auth.session.SignInPolicy;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;
import dev.ferry.crypto.SecureTokens;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP second factor: enrollment (secret sealed under the KEK, bound to the user id),
 * confirmation with a first code, ten one-time recovery codes (stored hashed), and
 * removal. A code's time step is recorded when it is accepted, so it never works twice.
 */
@Service
@Order(1)
class TwoFactorService implements SecondFactor {

	static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ISSUER = "Ferry";

	private static final String CONTEXT = "totp:";

	private final SecondFactorRepository factors;

	private final SignInPolicy policy;

	private final PasskeyFactor passkeys;

	private final SealedColumn secrets;

	private final PasswordEncoder passwords;

	private final CredentialLimits limits;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	TwoFactorService(SecondFactorRepository factors, SignInPolicy policy, PasskeyFactor passkeys, KeyEncryptionKey kek,
			JdbcClient jdbc, PasswordEncoder passwords, CredentialLimits limits, UserRepository users, AuditLog audit,
			Clock clock) {
		this.limits = limits;
		this.users = users;
		this.factors = factors;
		this.policy = policy;
		this.passkeys = passkeys;
		this.secrets = SealedTable.register(kek, jdbc, "totp_credentials", "user_id", "sealed_secret", CONTEXT);
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Status status(CurrentUser caller) {
		boolean totp = factors.findTotp(caller.userId())
			.filter(SecondFactorRepository.TotpCredential::confirmed)
			.isPresent();
		audit.record(AuditEvent.success("auth.2fa_status"));
		return new Status(totp, totp ? factors.unusedRecoveryCodes(caller.userId()) : 0,
				passkeys.count(caller.userId()), policy.twoFactorRequired(caller.role()));
	}

	@Transactional(noRollbackFor = AuthException.class)
	Enrollment enable(CurrentUser caller) {
		requireSession(caller, "auth.2fa_enable");
		if (factors.findTotp(caller.userId()).filter(SecondFactorRepository.TotpCredential::confirmed).isPresent()) {
			audit.record(AuditEvent.failure("auth.2fa_enable").detail("reason", "already_enabled"));
			throw AuthException.conflict("mfa-already-enabled", "Already enabled",
					"Two-factor authentication is already on; disable it first to enroll another authenticator.");
		}
		byte[] secret = Totp.newSecret();
		factors.savePending(caller.userId(), secrets.seal(secret, context(caller.userId())), clock.instant());
		audit.record(AuditEvent.success("auth.2fa_enable").object("user", caller.userId()));
		String uri = Totp.otpauthUri(ISSUER, caller.email(), secret);
		return new Enrollment(Base32.encode(secret), uri, QrCodes.svgDataUri(uri));
	}

	@Transactional(noRollbackFor = AuthException.class)
	RecoveryCodes verify(CurrentUser caller, String code, ClientInfo client) {
		requireSession(caller, "auth.2fa_verify");
		SecondFactorRepository.TotpCredential totp = factors.findTotp(caller.userId())
			.filter((credential) -> !credential.confirmed())
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure("auth.2fa_verify").detail("reason", "no_pending_enrollment"));
				return AuthException.conflict("no-pending-enrollment", "Nothing to confirm",
						"Start with POST /api/v1/auth/2fa/enable, then confirm with a code from the app.");
			});
		CredentialLimits.Attempt attempt = acquire(caller, "auth.2fa_verify", client);
		if (!acceptTotp(caller.userId(), totp, code)) {
			audit.record(AuditEvent.failure("auth.2fa_verify").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		limits.succeeded(attempt);
		factors.confirm(caller.userId(), clock.instant());
		List<String> codes = newRecoveryCodes(caller.userId());
		policy.factorAdded(caller.userId());
		audit.record(AuditEvent.success("auth.2fa_verify").object("user", caller.userId()));
		return new RecoveryCodes(codes);
	}

	@Transactional(noRollbackFor = AuthException.class)
	RecoveryCodes regenerateRecoveryCodes(CurrentUser caller, String code, ClientInfo client) {
		requireSession(caller, "auth.2fa_recovery_codes");
		SecondFactorRepository.TotpCredential totp = confirmedTotp(caller, "auth.2fa_recovery_codes");
		CredentialLimits.Attempt attempt = acquire(caller, "auth.2fa_recovery_codes", client);
		if (!acceptTotp(caller.userId(), totp, code)) {
			audit.record(AuditEvent.failure("auth.2fa_recovery_codes").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		limits.succeeded(attempt);
		List<String> codes = newRecoveryCodes(caller.userId());
		audit.record(AuditEvent.success("auth.2fa_recovery_codes").object("user", caller.userId()));
		return new RecoveryCodes(codes);
	}

	@Transactional(noRollbackFor = AuthException.class)
	void disable(CurrentUser caller, User user, String password, String code, ClientInfo client) {
		requireSession(caller, "auth.2fa_disable");
		confirmedTotp(caller, "auth.2fa_disable");
		CredentialLimits.Attempt attempt = acquire(caller, "auth.2fa_disable", client);
		if (user.passwordHash() == null || !passwords.matches(password, user.passwordHash())) {
			audit.record(AuditEvent.failure("auth.2fa_disable").detail("reason", "wrong_password"));
			throw AuthException.invalidField("password", "is wrong");
		}
		if (check(user.id(), code).isEmpty()) {
			audit.record(AuditEvent.failure("auth.2fa_disable").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		limits.succeeded(attempt);
		if (policy.twoFactorRequired(user.role()) && passkeys.count(user.id()) == 0) {
			audit.record(AuditEvent.denied("auth.2fa_disable").detail("reason", "required_by_policy"));
			throw AuthException.conflict("mfa-required-by-policy", "Required by policy",
					"This server requires two-factor authentication for your role; it cannot be turned off.");
		}
		factors.deleteAll(user.id());
		audit.record(AuditEvent.success("auth.2fa_disable").object("user", user.id()));
	}

	/**
	 * Checks a second-factor code: a TOTP code (each time step once) or an unused
	 * recovery code (used up). Answers which one matched.
	 */
	@Override
	public Optional<String> check(UUID userId, String code) {
		Optional<SecondFactorRepository.TotpCredential> totp = factors.findTotp(userId)
			.filter(SecondFactorRepository.TotpCredential::confirmed);
		if (totp.isEmpty() || code == null) {
			return Optional.empty();
		}
		String digits = code.replaceAll("\\s", "");
		if (digits.length() == Totp.DIGITS && digits.chars().allMatch(Character::isDigit)) {
			return acceptTotp(userId, totp.get(), digits) ? Optional.of("totp") : Optional.empty();
		}
		return factors.useRecoveryCode(userId, recoveryHash(userId, code), clock.instant())
				? Optional.of("recovery_code") : Optional.empty();
	}

	boolean hasTotp(UUID userId) {
		return factors.findTotp(userId).filter(SecondFactorRepository.TotpCredential::confirmed).isPresent();
	}

	@Override
	public List<String> methods(UUID userId) {
		return hasTotp(userId) ? List.of("totp", "recovery_code") : List.of();
	}

	/**
	 * Removes every second factor of a user (admin reset); answers whether there was one.
	 */
	boolean removeAll(UUID userId) {
		boolean totp = factors.deleteAll(userId);
		return passkeys.deleteAll(userId) || totp;
	}

	private boolean acceptTotp(UUID userId, SecondFactorRepository.TotpCredential totp, String code) {
		byte[] secret = secrets.open(totp.sealedSecret(), context(userId));
		OptionalLong step = Totp.match(secret, code, clock.instant(), totp.lastStep());
		return step.isPresent() && factors.useStep(userId, step.getAsLong());
	}

	private SecondFactorRepository.TotpCredential confirmedTotp(CurrentUser caller, String action) {
		return factors.findTotp(caller.userId())
			.filter(SecondFactorRepository.TotpCredential::confirmed)
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure(action).detail("reason", "not_enabled"));
				return AuthException.conflict("mfa-not-enabled", "Not enabled",
						"Two-factor authentication with an authenticator app is not on for this account.");
			});
	}

	private List<String> newRecoveryCodes(UUID userId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] random = new byte[10];
			RANDOM.nextBytes(random);
			String code = Base32.encode(random).toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-");
			codes.add(code);
			hashes.add(recoveryHash(userId, code));
		}
		factors.replaceRecoveryCodes(userId, hashes, clock.instant());
		return codes;
	}

	private static String recoveryHash(UUID userId, String code) {
		String normalized = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return SecureTokens.hash("recovery:" + userId + ":" + normalized);
	}

	/** Codes checked here count against the account's sign-in limits too. */
	private CredentialLimits.Attempt acquire(CurrentUser caller, String action, ClientInfo client) {
		Optional<User> user = users.findById(caller.userId());
		return limits.acquire(action, "2fa", UserRepository.normalize(caller.email()), user, client);
	}

	private void requireSession(CurrentUser caller, String action) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied(action).detail("reason", "api_key"));
			throw AuthException.interactiveSessionRequired("manage two-factor authentication");
		}
	}

	private static String context(UUID userId) {
		return CONTEXT + userId;
	}

	/** Whether two-factor authentication is on, and what is left of it. */
	record Status(boolean totpEnabled, int recoveryCodesLeft, int passkeys, boolean required) {
	}

	record Enrollment(String secret, String otpauthUri, String qr) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
