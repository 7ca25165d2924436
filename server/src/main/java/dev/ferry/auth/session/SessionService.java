package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions and their token pairs. A session is one refresh-token family: every refresh
 * rotates the token, and presenting a rotated one again more than {@link #REUSE_GRACE}
 * after its rotation means it was copied, so the whole session is revoked. Expiry slides:
 * a session ends after {@code refresh-ttl} without use, a browser session already after
 * {@code FERRY_SESSION_IDLE_TIMEOUT} without any request, and every session
 * {@code FERRY_SESSION_MAX_AGE} after sign-in.
 */
@Service
public class SessionService {

	/**
	 * How long a rotated refresh token still refreshes its session: a browser that
	 * reloads while its refresh is in flight never stores the rotated cookie and sends
	 * the old token again, which must not sign the user out. A thief gains nothing the
	 * owner's next refresh within the same seconds would not also give.
	 */
	static final Duration REUSE_GRACE = Duration.ofSeconds(10);

	private final SessionRepository sessions;

	private final UserRepository users;

	private final AccessTokens accessTokens;

	private final AuditLog audit;

	private final SessionLifetimes lifetimes;

	private final SignInGate gate;

	private final Clock clock;

	SessionService(SessionRepository sessions, UserRepository users, AccessTokens accessTokens, AuditLog audit,
			SessionLifetimes lifetimes, SignInGate gate, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.accessTokens = accessTokens;
		this.audit = audit;
		this.lifetimes = lifetimes;
		this.gate = gate;
		this.clock = clock;
	}

	/** Opens an unrestricted API (non-browser) session. */
	@Transactional(noRollbackFor = AuthException.class)
	public TokenResponse open(User user, ClientInfo client) {
		return open(user, client, false, null, "password");
	}

	/**
	 * Opens a session. A {@code browser} session ends after the idle timeout without use;
	 * every session ends {@code FERRY_SESSION_MAX_AGE} after sign-in at the latest.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	public TokenResponse open(User user, ClientInfo client, boolean browser, SessionRestriction restriction,
			String method) {
		return start(user, client, browser, restriction, method).tokens();
	}

	/** Opens a session and answers its id too, for callers that attach data to it. */
	@Transactional(noRollbackFor = AuthException.class)
	public Opened start(User user, ClientInfo client, boolean browser, SessionRestriction restriction, String method) {
		return start(user, client, browser, restriction, method, null);
	}

	/**
	 * Opens an API (non-browser) session whose tokens carry at most {@code scopes}, for a
	 * sign-in approved elsewhere (a device sign-in).
	 */
	@Transactional(noRollbackFor = AuthException.class)
	public TokenResponse openScoped(User user, ClientInfo client, String method, Set<Scope> scopes) {
		return start(user, client, false, null, method, EnumSet.copyOf(scopes)).tokens();
	}

	private Opened start(User user, ClientInfo client, boolean browser, SessionRestriction restriction, String method,
			Set<Scope> scopes) {
		gate.admit(user, client, "auth.login");
		// A passkey, an SSO provider or an approved device proves who someone is,
		// not that the directory that provisioned the account still has them.
		Optional<String> withdrawn = gate.directoryWithdrawal(user);
		if (withdrawn.isPresent()) {
			audit.record(AuditEvent.denied("auth.login")
				.by(user.auditActor())
				.detail("method", method)
				.detail("reason", withdrawn.get()));
			throw AuthException.suspended();
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant expiresAt = lifetimes.expiryOfNew(now);
		SessionRepository.Session session = new SessionRepository.Session(UUID.randomUUID(), user.id(), now, now,
				expiresAt, client.ip(), client.userAgent(), lifetimes.idleTimeout(browser), restriction, null, scopes);
		sessions.create(session, Devices.hash(client));
		audit.record(AuditEvent.success("auth.login")
			.by(user.auditActor())
			.object("session", session.id())
			.detail("method", method)
			.detail("restriction", (restriction != null) ? restriction.dbName() : null)
			.detail("scopes", (scopes != null) ? Scope.apiNames(scopes) : null));
		gate.signedIn(user, client);
		return new Opened(session.id(), issue(user, session, now));
	}

	/**
	 * Exchanges a refresh token for a new pair; failures commit their revocation and
	 * audit.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	TokenResponse refresh(String refreshToken, ClientInfo client) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String hash = SecureTokens.hash(refreshToken);
		SessionRepository.RefreshToken token = sessions.findRefreshToken(hash).orElseThrow(() -> {
			audit.record(AuditEvent.failure("auth.refresh").detail("reason", "unknown_token"));
			return AuthException.invalidRefreshToken();
		});
		User user = users.findById(token.userId()).orElseThrow(AuthException::invalidRefreshToken);
		if (token.rotatedAt() != null && !withinGrace(token.rotatedAt(), now)) {
			throw reused(user, token.sessionId(), now);
		}
		SessionRepository.Session session = token.session();
		if (!session.live(now)) {
			boolean idle = session.revokedAt() == null && session.expiresAt().isAfter(now);
			audit.record(AuditEvent.failure("auth.refresh")
				.by(user.auditActor())
				.object("session", token.sessionId())
				.detail("reason", idle ? "idle" : "session_ended"));
			throw AuthException.invalidRefreshToken();
		}
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.refresh")
				.by(user.auditActor())
				.object("session", token.sessionId())
				.detail("reason", "suspended"));
			throw AuthException.invalidRefreshToken();
		}
		Optional<String> withdrawn = gate.directoryWithdrawal(user);
		if (withdrawn.isPresent()) {
			int ended = sessions.revokeAll(user.id(), null, now, withdrawn.get());
			audit.record(AuditEvent.denied("auth.refresh")
				.by(user.auditActor())
				.object("session", token.sessionId())
				.detail("reason", withdrawn.get())
				.detail("sessions_ended", ended));
			throw AuthException.invalidRefreshToken();
		}
		gate.admit(user, client, "auth.refresh");
		// A token another request rotated a moment ago is within the grace too.
		boolean firstUse = token.rotatedAt() == null && sessions.markRotated(hash, now);
		Instant expiresAt = lifetimes.expiryAfterRefresh(session.createdAt(), now);
		sessions.touch(session.id(), now, expiresAt, client.ip());
		audit.record(AuditEvent.success("auth.refresh")
			.by(user.auditActor())
			.object("session", token.sessionId())
			.detail("reuse", firstUse ? null : "grace"));
		return issue(user, sessions.findActive(session.id(), now).orElseThrow(AuthException::invalidRefreshToken), now);
	}

	/**
	 * Ends the caller's own session; its access tokens stop working with the next
	 * request.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	UUID logout(CurrentUser caller) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied("auth.logout").detail("reason", "not_interactive"));
			throw AuthException.forbidden("API keys have no session to end; revoke the key instead.");
		}
		sessions.revoke(caller.sessionId(), clock.instant(), "logout");
		audit.record(AuditEvent.success("auth.logout").object("session", caller.sessionId()));
		return caller.sessionId();
	}

	/**
	 * Ends the session a (cookie) refresh token belongs to and answers its id; unknown
	 * tokens end nothing.
	 */
	@Transactional
	Optional<UUID> logout(String refreshToken) {
		Optional<SessionRepository.RefreshToken> found = sessions.findRefreshToken(SecureTokens.hash(refreshToken));
		found.ifPresentOrElse((token) -> {
			sessions.revoke(token.sessionId(), clock.instant(), "logout");
			audit.record(AuditEvent.success("auth.logout")
				.by(new AuditActor("user", token.userId().toString(), null))
				.object("session", token.sessionId()));
		}, () -> audit.record(AuditEvent.failure("auth.logout").detail("reason", "unknown_token")));
		return found.map(SessionRepository.RefreshToken::sessionId);
	}

	/**
	 * Ends one session (the provider it came from signed out); false when it had ended.
	 * The caller audits the cause.
	 */
	public boolean end(UUID sessionId, String reason) {
		return sessions.revoke(sessionId, clock.instant(), reason);
	}

	/**
	 * Ends every session of a user (suspension, deletion); the caller audits the cause.
	 */
	public void revokeAll(UUID userId, String reason) {
		sessions.revokeAll(userId, null, clock.instant(), reason);
	}

	/** Ends every session of a user but {@code keep}; answers how many ended. */
	public int revokeAll(UUID userId, UUID keep, String reason) {
		return sessions.revokeAll(userId, keep, clock.instant(), reason);
	}

	/**
	 * Whether the user signed out everywhere else, changed or reset the password after
	 * {@code since}: what was approved before from a session that may be a thief's ends
	 * too (a device sign-in not yet collected).
	 */
	public boolean signedOutElsewhereSince(UUID userId, Instant since) {
		return sessions.endedSince(userId, since, List.of("revoked", "password_change", "password_reset"));
	}

	private static boolean withinGrace(Instant rotatedAt, Instant now) {
		return now.isBefore(rotatedAt.plus(REUSE_GRACE));
	}

	private AuthException reused(User user, UUID sessionId, Instant now) {
		sessions.revoke(sessionId, now, "refresh_reuse");
		audit.record(AuditEvent.denied("auth.refresh_reuse").by(user.auditActor()).object("session", sessionId));
		return AuthException.invalidRefreshToken();
	}

	/**
	 * Lifts a restriction from the session {@code keep} only, and ends the user's other
	 * sessions held by it.
	 */
	int liftOnly(UUID userId, UUID keep, SessionRestriction restriction, String reason) {
		return sessions.liftOnly(userId, keep, restriction, clock.instant(), reason);
	}

	/** Lifts a restriction from every session of the user that has it. */
	void lift(UUID userId, SessionRestriction restriction, SessionRestriction next) {
		sessions.lift(userId, restriction, next);
	}

	private TokenResponse issue(User user, SessionRepository.Session session, Instant now) {
		String refreshToken = SecureTokens.generate("");
		sessions.addRefreshToken(SecureTokens.hash(refreshToken), session.id(), now);
		return TokenResponse.of(accessTokens.issue(user, session.id()), refreshToken, accessTokens.ttlSeconds(),
				session);
	}

	/** A new session's id and first tokens. */
	public record Opened(UUID sessionId, TokenResponse tokens) {
	}

}
