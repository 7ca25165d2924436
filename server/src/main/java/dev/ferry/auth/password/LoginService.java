package dev.ferry.auth.password;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.FirstFactor;
import dev.ferry.auth.session.MfaLoginService;
import dev.ferry.auth.session.PasswordSignIn;
import dev.ferry.auth.session.SignInResult;

import org.springframework.stereotype.Service;

/**
 * Password sign-in: verifies credentials ({@link FirstFactor}: Ferry's password or the
 * directory's) and opens a session with its first token pair (or asks for the second
 * factor). Failed attempts are limited by {@link CredentialLimits}.
 * {@code FERRY_PASSWORD_LOGIN=false} turns off passwords Ferry keeps.
 */
@Service
public class LoginService implements PasswordSignIn {

	private final FirstFactor firstFactor;

	private final MfaLoginService mfa;

	private final AuditLog audit;

	LoginService(FirstFactor firstFactor, MfaLoginService mfa, AuditLog audit) {
		this.firstFactor = firstFactor;
		this.mfa = mfa;
		this.audit = audit;
	}

	/**
	 * Checks the password; answers tokens, or a second-factor challenge when the account
	 * has one. {@code browser} asks for a browser session (idle timeout, cookie).
	 */
	@Override
	public SignInResult login(String email, String password, ClientInfo client, boolean browser) {
		FirstFactor.Outcome outcome = firstFactor.check(email, password, client);
		if (!outcome.passed()) {
			AuditEvent event = outcome.denied() ? AuditEvent.denied("auth.login") : AuditEvent.failure("auth.login");
			audit.record(event.by((outcome.user() != null) ? outcome.user().auditActor() : AuditActor.anonymous())
				.detail("email", outcome.email())
				.detail("reason", outcome.reason()));
			throw switch (outcome.reason()) {
				case FirstFactor.Outcome.PASSWORD_LOGIN_DISABLED -> AuthException.passwordLoginDisabled();
				case FirstFactor.Outcome.DIRECTORY_UNAVAILABLE -> AuthException.directoryUnavailable();
				case "suspended" -> AuthException.suspended();
				default -> AuthException.invalidCredentials();
			};
		}
		return mfa.afterFirstFactor(outcome.user(), client, browser, outcome.method());
	}

}
