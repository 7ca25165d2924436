package dev.ferry.auth.device;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.device.DeviceRepository.DeviceAuthorization;
import dev.ferry.auth.device.DeviceRepository.Status;
import dev.ferry.auth.session.ExpiringRecords;
import dev.ferry.limits.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's side: looking up the code a device shows, then approving or
 * denying it. Only an interactive session may decide (an API key must not mint sessions),
 * every wrong code counts against the guessing limits, and a code is decided once. The
 * approved scopes are those asked for that the user's role has.
 */
@Service
class DeviceApprovals implements ExpiringRecords {

	private final DeviceRepository authorizations;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final DeviceLimits limits;

	private final Clock clock;

	DeviceApprovals(DeviceRepository authorizations, AccessPolicy access, AuditLog audit, DeviceLimits limits,
			Clock clock) {
		this.access = access;
		this.authorizations = authorizations;
		this.audit = audit;
		this.limits = limits;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = { DeviceException.class, AuthException.class })
	DeviceAuthorization verify(CurrentUser caller, String userCode, String ip) {
		DeviceAuthorization authorization = find(caller, userCode, ip, "auth.device_verify");
		audit.record(AuditEvent.success("auth.device_verify").object("device_authorization", authorization.id()));
		return authorization;
	}

	@Transactional(noRollbackFor = { DeviceException.class, AuthException.class })
	void approve(CurrentUser caller, String userCode, String ip) {
		DeviceAuthorization authorization = find(caller, userCode, ip, "auth.device_approve");
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		scopes.addAll(authorization.scopes());
		scopes.retainAll(caller.scopes());
		if (scopes.isEmpty()) {
			audit.record(AuditEvent.denied("auth.device_approve")
				.object("device_authorization", authorization.id())
				.detail("reason", "scope_not_allowed"));
			throw AuthException.forbidden("Your role allows none of the scopes this device asks for ("
					+ String.join(", ", Scope.apiNames(authorization.scopes())) + ").");
		}
		decide(caller, authorization, Status.APPROVED, scopes, "auth.device_approve");
	}

	@Transactional(noRollbackFor = { DeviceException.class, AuthException.class })
	void deny(CurrentUser caller, String userCode, String ip) {
		DeviceAuthorization authorization = find(caller, userCode, ip, "auth.device_deny");
		decide(caller, authorization, Status.DENIED, authorization.scopes(), "auth.device_deny");
	}

	private void decide(CurrentUser caller, DeviceAuthorization authorization, Status status, Set<Scope> scopes,
			String action) {
		if (!authorizations.decide(authorization.id(), status, caller.userId(), scopes, clock.instant())) {
			audit.record(AuditEvent.failure(action)
				.object("device_authorization", authorization.id())
				.detail("reason", "already_decided"));
			throw DeviceException.invalidUserCode();
		}
		audit.record(AuditEvent.success(action)
			.object("device_authorization", authorization.id())
			.detail("client_name", authorization.clientName())
			.detail("scopes", Scope.apiNames(scopes)));
	}

	private DeviceAuthorization find(CurrentUser caller, String userCode, String ip, String action) {
		access.requireInteractive(caller, action, "approve a device");
		Optional<Refusal> refusal = limits.attempt(caller.userId(), ip);
		if (refusal.isPresent()) {
			audit.record(AuditEvent.denied(action).detail("reason", "rate_limited"));
			throw AuthException.tooManyAttempts("device codes", refusal.get().retryAfter());
		}
		String hash = UserCodes.hash(userCode);
		Optional<DeviceAuthorization> found = (hash != null)
				? authorizations.findPendingByUserCode(hash, clock.instant()) : Optional.empty();
		if (found.isEmpty()) {
			audit.record(AuditEvent.failure(action).detail("reason", "unknown_code"));
			throw DeviceException.invalidUserCode();
		}
		limits.matched(caller.userId(), ip);
		return found.get();
	}

	/** Expired codes nobody decided on are audited as such when they are swept. */
	@Override
	@Transactional
	public int deleteExpiredBefore(Instant cutoff) {
		int deleted = authorizations.deleteExpiredBefore(cutoff);
		if (deleted > 0) {
			audit.record(AuditEvent.success("auth.device_expire").detail("count", deleted));
		}
		return deleted;
	}

}
