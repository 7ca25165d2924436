package dev.ferry.auth.session;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's view of their own sessions: listing them needs the {@code read} scope,
 * ending them an interactive session, so a leaked API key can neither map where its owner
 * is signed in nor sign them out.
 */
@Service
class OwnSessions {

	private final SessionRepository sessions;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	OwnSessions(SessionRepository sessions, AccessPolicy access, AuditLog audit, Clock clock) {
		this.sessions = sessions;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<SessionView> list(CurrentUser caller) {
		access.requireOwnRead(caller, "auth.session_list");
		audit.record(AuditEvent.success("auth.session_list"));
		return sessions.listActive(caller.userId(), clock.instant())
			.stream()
			.map((session) -> SessionView.of(session, session.id().equals(caller.sessionId())))
			.toList();
	}

	/**
	 * Revokes one of the caller's sessions; anyone else's (or an unknown id) is a 404.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void revoke(CurrentUser caller, UUID sessionId) {
		access.requireFullSession(caller, "auth.session_revoke", "manage sessions");
		if (!sessions.revokeOwn(caller.userId(), sessionId, clock.instant(), "revoked")) {
			audit.record(AuditEvent.failure("auth.session_revoke").object("session", sessionId));
			throw AuthException.notFound("session");
		}
		audit.record(AuditEvent.success("auth.session_revoke").object("session", sessionId));
	}

	/** Revokes every other session of the caller (sign out everywhere else). */
	@Transactional(noRollbackFor = AuthException.class)
	void revokeOthers(CurrentUser caller) {
		access.requireFullSession(caller, "auth.session_revoke_others", "manage sessions");
		int count = sessions.revokeAll(caller.userId(), caller.sessionId(), clock.instant(), "revoked");
		audit.record(AuditEvent.success("auth.session_revoke_others").detail("count", count));
	}

}
