package dev.ferry.auth.passkey;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.RequestLimits;
import dev.ferry.auth.User;
import dev.ferry.auth.session.MfaLoginService;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.SignInPolicy;
import dev.ferry.auth.session.TokenResponse;
import dev.ferry.limits.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where passkeys meet sign-in: a password-less sign-in opens a session of its own, an
 * assertion with an {@code mfa_token} finishes that sign-in, and a new passkey counts as
 * the second factor a 2FA policy asks for.
 */
@Service
class PasskeyLogin {

	private final PasskeyService passkeys;

	private final MfaLoginService mfa;

	private final SessionService sessions;

	private final SignInPolicy policy;

	private final AuditLog audit;

	private final RequestLimits limits;

	PasskeyLogin(PasskeyService passkeys, MfaLoginService mfa, SessionService sessions, SignInPolicy policy,
			AuditLog audit, RequestLimits limits) {
		this.limits = limits;
		this.passkeys = passkeys;
		this.mfa = mfa;
		this.sessions = sessions;
		this.policy = policy;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	PasskeyService.PasskeyView register(CurrentUser caller, String credentialJson, String name) {
		PasskeyService.PasskeyView view = passkeys.register(caller, credentialJson, name);
		policy.factorAdded(caller.userId(), caller.sessionId());
		return view;
	}

	@Transactional(noRollbackFor = AuthException.class)
	Map<String, Object> options(String mfaToken, String ip) {
		UUID userId = (mfaToken != null) ? mfa.pendingUser(mfaToken) : null;
		if (userId == null) {
			// Each call stores a challenge: anonymous callers get a bounded number.
			Optional<Refusal> refusal = limits.passkeyOptions(ip);
			if (refusal.isPresent()) {
				audit.record(AuditEvent.denied("auth.passkey_options").detail("reason", "rate_limited"));
				throw AuthException.tooManyAttempts("passkey sign-in attempts", refusal.get().retryAfter());
			}
		}
		return passkeys.loginOptions(userId);
	}

	@Transactional(noRollbackFor = AuthException.class)
	MfaLoginService.Finished signIn(String credentialJson, String mfaToken, ClientInfo client, boolean useCookie) {
		if (mfaToken != null) {
			User user = passkeys.verifyAssertion(credentialJson, PasskeyService.SECOND_FACTOR);
			return mfa.finishVerified(mfaToken, user.id(), client, "passkey");
		}
		User user = passkeys.verifyAssertion(credentialJson, PasskeyService.LOGIN);
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.passkey_login").by(user.auditActor()).detail("reason", "suspended"));
			throw AuthException.suspended();
		}
		TokenResponse tokens = sessions.open(user, client, useCookie, policy.restrictionFor(user, false), "passkey");
		return new MfaLoginService.Finished(tokens, useCookie);
	}

}
