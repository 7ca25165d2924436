package dev.ferry.auth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.ApiKeyCredentials;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.DirectoryStanding;
import dev.ferry.auth.session.KeyAuthentication;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: {@code fy_} followed by 256 random bits, shown once and stored as a hash. A
 * key's scopes never exceed its owner's role, and the role is re-read on every use, so a
 * demotion or suspension narrows or stops the key at once.
 */
@Service
class ApiKeyService implements KeyAuthentication, ApiKeyCredentials {

	static final String PREFIX = "fy_";

	private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 8;

	/** Writing last_used_at on every request would turn each read into a write. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final ApiKeyRepository keys;

	private final UserRepository users;

	private final AccessPolicy access;

	private final DirectoryStanding standing;

	private final AuditLog audit;

	private final Clock clock;

	ApiKeyService(ApiKeyRepository keys, UserRepository users, AccessPolicy access, DirectoryStanding standing,
			AuditLog audit, Clock clock) {
		this.standing = standing;
		this.keys = keys;
		this.users = users;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	CreatedApiKey create(CurrentUser caller, String name, Set<Scope> scopes, Instant expiresAt) {
		if (caller.sessionId() == null) {
			throw denied("auth.api_key_create", "not_interactive",
					"Sign in with a password to create API keys; an API key cannot make more.");
		}
		if (!caller.scopes().containsAll(scopes)) {
			throw denied("auth.api_key_create", "scope_not_allowed", "Your role (" + caller.role().apiName()
					+ ") allows at most these scopes: " + String.join(", ", Scope.apiNames(caller.scopes())) + ".");
		}
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw AuthException.invalidField("expires_at", "must be in the future");
		}
		String key = SecureTokens.generate(PREFIX);
		ApiKeyRepository.ApiKey record = new ApiKeyRepository.ApiKey(UUID.randomUUID(), caller.userId(), name.trim(),
				key.substring(0, SHOWN_PREFIX_LENGTH), EnumSet.copyOf(scopes), now, expiresAt, null, null);
		keys.insert(record, SecureTokens.hash(key));
		audit.record(AuditEvent.success("auth.api_key_create")
			.object("api_key", record.id())
			.detail("scopes", Scope.apiNames(scopes)));
		return new CreatedApiKey(record.id().toString(), key, record.name(), Scope.apiNames(scopes), record.prefix(),
				now, expiresAt);
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<ApiKeyView> list(CurrentUser caller) {
		access.requireOwnRead(caller, "auth.api_key_list");
		audit.record(AuditEvent.success("auth.api_key_list"));
		return keys.listForUser(caller.userId()).stream().map(ApiKeyView::of).toList();
	}

	@Transactional(noRollbackFor = AuthException.class)
	void revoke(CurrentUser caller, UUID id) {
		if (caller.sessionId() == null) {
			throw denied("auth.api_key_revoke", "not_interactive", "Sign in with a password to revoke API keys.");
		}
		if (!keys.revoke(caller.userId(), id, clock.instant())) {
			audit.record(AuditEvent.failure("auth.api_key_revoke").object("api_key", id).detail("reason", "not_found"));
			throw AuthException.notFound("API key");
		}
		audit.record(AuditEvent.success("auth.api_key_revoke").object("api_key", id));
	}

	/**
	 * The caller a presented key stands for; empty (and audited) when it may not be used.
	 */
	@Override
	public boolean accepts(String credential) {
		return credential.startsWith(PREFIX);
	}

	@Override
	public Optional<CurrentUser> authenticate(String key) {
		Instant now = clock.instant();
		Optional<ApiKeyRepository.ApiKey> found = keys.findByHash(SecureTokens.hash(key));
		if (found.isEmpty()) {
			audit.record(AuditEvent.denied("auth.api_key_use").detail("reason", "unknown_key"));
			return Optional.empty();
		}
		ApiKeyRepository.ApiKey apiKey = found.get();
		Optional<User> owner = users.findById(apiKey.userId());
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		User user = owner.get();
		String refusal = apiKey.refusal(now);
		if (refusal == null) {
			refusal = user.isActive() ? standing.withdrawal(user.id()).orElse(null) : "suspended";
		}
		if (refusal != null) {
			audit.record(AuditEvent.denied("auth.api_key_use")
				.by(new AuditActor("api_key", user.id().toString(), user.email() + " (key " + apiKey.id() + ")"))
				.object("api_key", apiKey.id())
				.detail("reason", refusal));
			return Optional.empty();
		}
		if (apiKey.lastUsedAt() == null || !apiKey.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
			keys.touch(apiKey.id(), now);
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		scopes.addAll(apiKey.scopes());
		scopes.retainAll(user.role().scopes());
		return Optional
			.of(new CurrentUser(user.id(), user.email(), user.name(), user.role(), scopes, null, apiKey.id()));
	}

	private AuthException denied(String action, String reason, String detail) {
		audit.record(AuditEvent.denied(action).detail("reason", reason));
		return AuthException.forbidden(detail);
	}

	record CreatedApiKey(String id, String key, String name, List<String> scopes, String prefix, Instant createdAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) Instant expiresAt) {
	}

}
