package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.ferry.SqlDialect;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;

/**
 * What a fresh session may do: a password past {@code FERRY_PASSWORD_MAX_AGE} must be
 * changed first, and an account that the 2FA policy covers must enroll a second factor
 * first. Lifts the restriction from the account's sessions once that is done.
 */
@Component
public class SignInPolicy {

	private final TwoFactorRequirement twoFactor;

	private final ObjectProvider<SecondFactor> factors;

	private final UserRepository users;

	private final SessionService sessions;

	private final AccountSecurityProperties properties;

	private final Clock clock;

	private final SqlDialect dialect;

	SignInPolicy(TwoFactorRequirement twoFactor, ObjectProvider<SecondFactor> factors, UserRepository users,
			SessionService sessions, AccountSecurityProperties properties, Clock clock, SqlDialect dialect) {
		this.twoFactor = twoFactor;
		this.factors = factors;
		this.users = users;
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
		this.dialect = dialect;
	}

	/**
	 * Whether the Ferry password a sign-in checked (outside its transaction) is still the
	 * account's; holds the account's row until the caller's transaction ends, so a change
	 * or reset committing meanwhile either shows here or ends the session opened.
	 */
	boolean passwordStillHeld(User checked) {
		return users.holdPassword(checked.id(), checked.passwordHash(), dialect);
	}

	public boolean twoFactorRequired(Role role) {
		return twoFactor.requiredFor(role);
	}

	public boolean hasSecondFactor(UUID userId) {
		return !secondFactorMethods(userId).isEmpty();
	}

	/**
	 * Whether the 2FA policy lets the account lose the second-factor methods {@code lost}
	 * (as {@link SecondFactor#methods} names them): always, unless its role must use a
	 * second factor and no other method would remain. Call it in the transaction that
	 * removes them: it locks the account's row, so that removing the last passkey and
	 * turning TOTP off at once cannot both count the other as left.
	 */
	public boolean mayLose(Role role, UUID userId, Set<String> lost) {
		if (!twoFactor.requiredFor(role)) {
			return true;
		}
		users.lock(userId);
		return secondFactorMethods(userId).stream().anyMatch((m) -> !lost.contains(m));
	}

	/** The refusal when {@link #mayLose} says no. */
	public static AuthException requiredByPolicy() {
		return AuthException.conflict("mfa-required-by-policy", "Required by policy",
				"This server requires two-factor authentication for your role, and this is your last second factor: "
						+ "add another one (an authenticator app or a passkey) before removing it.");
	}

	/** How the account can prove a second factor: totp, recovery_code, passkey. */
	List<String> secondFactorMethods(UUID userId) {
		return factors.orderedStream().flatMap((factor) -> factor.methods(userId).stream()).toList();
	}

	/**
	 * The restriction for a new session of {@code user}; {@code passwordUsed} is false
	 * for single sign-on and passkeys, where the password's age does not matter.
	 */
	public SessionRestriction restrictionFor(User user, boolean passwordUsed) {
		if (passwordUsed && passwordExpired(user.id())) {
			return SessionRestriction.PASSWORD_CHANGE;
		}
		return mfaRestriction(user);
	}

	/**
	 * A second factor was added from session {@code sessionId}: that session is freed.
	 * The user's other sessions waiting for one end: they presented no second factor, and
	 * one of them may be whoever else knows the password.
	 */
	public void factorAdded(UUID userId, UUID sessionId) {
		sessions.liftOnly(userId, sessionId, SessionRestriction.MFA_ENROLLMENT, "second_factor_added");
	}

	/** The password was changed: sessions waiting for that go on to the next step. */
	public void passwordChanged(User user) {
		sessions.lift(user.id(), SessionRestriction.PASSWORD_CHANGE, mfaRestriction(user));
	}

	private SessionRestriction mfaRestriction(User user) {
		return (twoFactor.requiredFor(user.role()) && !hasSecondFactor(user.id())) ? SessionRestriction.MFA_ENROLLMENT
				: null;
	}

	private boolean passwordExpired(UUID userId) {
		Duration maxAge = properties.passwordMaxAge();
		if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
			return false;
		}
		return users.passwordChangedAt(userId).map((at) -> !at.plus(maxAge).isAfter(clock.instant())).orElse(false);
	}

}
