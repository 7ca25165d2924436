package dev.ferry.auth.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.device.DeviceRepository.DeviceAuthorization;
import dev.ferry.auth.device.DeviceRepository.Status;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.TokenResponse;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.limits.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device's side of a device sign-in: asking for codes and polling for the session
 * (RFC 8628 sections 3.1 to 3.5). The device code is {@code fdc_} plus 256 random bits;
 * both codes are stored as hashes only. A device code is spent by the one poll that
 * deletes its approved row, so it yields one session.
 */
@Service
class DeviceSignIns {

	static final String DEVICE_CODE_PREFIX = "fdc_";

	private final DeviceRepository authorizations;

	private final UserRepository users;

	private final SessionService sessions;

	private final AuditLog audit;

	private final DeviceLimits limits;

	private final DeviceProperties properties;

	private final Clock clock;

	DeviceSignIns(DeviceRepository authorizations, UserRepository users, SessionService sessions, AuditLog audit,
			DeviceLimits limits, DeviceProperties properties, Clock clock) {
		this.authorizations = authorizations;
		this.users = users;
		this.sessions = sessions;
		this.audit = audit;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	Codes request(String clientName, Set<Scope> scopes, ClientInfo client) {
		Optional<Refusal> refusal = limits.request(client.ip());
		if (refusal.isPresent()) {
			audit.record(AuditEvent.denied("auth.device_request").detail("reason", "rate_limited"));
			throw AuthException.tooManyAttempts("device sign-ins", refusal.get().retryAfter());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		DeviceAuthorization authorization = new DeviceAuthorization(UUID.randomUUID(), clientName.trim(), scopes,
				client.ip(), client.userAgent(), now, now.plus(properties.codeTtl()), properties.pollInterval(), null,
				Status.PENDING, null, null);
		String deviceCode = SecureTokens.generate(DEVICE_CODE_PREFIX);
		String userCode = insert(authorization, deviceCode);
		audit.record(AuditEvent.success("auth.device_request")
			.object("device_authorization", authorization.id())
			.detail("client_name", authorization.clientName())
			.detail("scopes", Scope.apiNames(scopes)));
		return new Codes(deviceCode, userCode, properties.codeTtl(), properties.pollInterval());
	}

	/** A fresh user code can collide with a live one (one in 20^8); then one more try. */
	private String insert(DeviceAuthorization authorization, String deviceCode) {
		String userCode = UserCodes.generate();
		try {
			authorizations.insert(authorization, SecureTokens.hash(deviceCode), UserCodes.hash(userCode));
		}
		catch (DuplicateKeyException ex) {
			userCode = UserCodes.generate();
			authorizations.insert(authorization, SecureTokens.hash(deviceCode), UserCodes.hash(userCode));
		}
		return userCode;
	}

	/**
	 * One poll: tokens once approved, otherwise the RFC's answers. Nothing a poll writes
	 * may roll back with the problem it answers, so the raised interval sticks.
	 */
	@Transactional(noRollbackFor = { DeviceException.class, AuthException.class })
	TokenResponse poll(String deviceCode, ClientInfo client) {
		Instant now = clock.instant();
		DeviceAuthorization authorization = authorizations.findByDeviceCode(SecureTokens.hash(deviceCode))
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure("auth.device_token").detail("reason", "unknown_code"));
				return DeviceException.invalidDeviceCode();
			});
		if (authorization.expired(now)) {
			if (authorizations.delete(authorization.id(), authorization.status())) {
				audit.record(AuditEvent.failure("auth.device_expire")
					.object("device_authorization", authorization.id())
					.detail("client_name", authorization.clientName()));
			}
			throw DeviceException.expired();
		}
		if (authorization.tooEarly(now)) {
			Duration longer = authorization.interval().plus(properties.pollInterval());
			authorizations.polled(authorization.id(), now, longer);
			throw DeviceException.slowDown(longer);
		}
		authorizations.polled(authorization.id(), now, authorization.interval());
		return switch (authorization.status()) {
			case PENDING -> throw DeviceException.pending(authorization.interval());
			case DENIED -> throw denied(authorization);
			case APPROVED -> issue(authorization, client);
		};
	}

	private DeviceException denied(DeviceAuthorization authorization) {
		authorizations.delete(authorization.id(), Status.DENIED);
		audit.record(AuditEvent.failure("auth.device_token")
			.by(new AuditActor("user", authorization.userId().toString(), null))
			.object("device_authorization", authorization.id())
			.detail("reason", "denied"));
		return DeviceException.denied();
	}

	private TokenResponse issue(DeviceAuthorization authorization, ClientInfo client) {
		if (!authorizations.delete(authorization.id(), Status.APPROVED)) {
			// Another poll of the same code collected it first.
			audit.record(AuditEvent.failure("auth.device_token")
				.object("device_authorization", authorization.id())
				.detail("reason", "already_collected"));
			throw DeviceException.invalidDeviceCode();
		}
		User user = users.findById(authorization.userId()).filter(User::isActive).orElseThrow(() -> {
			audit.record(AuditEvent.denied("auth.device_token")
				.object("device_authorization", authorization.id())
				.detail("reason", "suspended"));
			return DeviceException.denied();
		});
		// Counted from the approval: a session ended before it (an old one revoked while
		// the code waited) says nothing about this sign-in.
		Instant approvedAt = (authorization.decidedAt() != null) ? authorization.decidedAt()
				: authorization.createdAt();
		if (sessions.signedOutElsewhereSince(user.id(), approvedAt)) {
			audit.record(AuditEvent.denied("auth.device_token")
				.by(user.auditActor())
				.object("device_authorization", authorization.id())
				.detail("reason", "sessions_ended"));
			throw DeviceException.denied();
		}
		// The session first: the account's network rules may still refuse it (and record
		// that), and a refused sign-in is not also on the trail as a success.
		TokenResponse tokens = sessions.openScoped(user, client, "device", authorization.scopes());
		audit.record(AuditEvent.success("auth.device_token")
			.by(user.auditActor())
			.object("device_authorization", authorization.id())
			.detail("scopes", Scope.apiNames(authorization.scopes())));
		return tokens;
	}

	/** What a device is told: the codes, how long they live, how often to poll. */
	record Codes(String deviceCode, String userCode, Duration expiresIn, Duration interval) {
	}

}
