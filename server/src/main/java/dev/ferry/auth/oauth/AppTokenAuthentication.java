package dev.ferry.auth.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.DirectoryStanding;
import dev.ferry.auth.session.KeyAuthentication;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Component;

/**
 * Lets {@code fyat_} access tokens in through the normal bearer path. The caller has no
 * session, so everything that needs an interactive sign-in refuses it, and its scopes are
 * the token's narrowed to the user's current role: every service's
 * {@code AccessPolicy.requireScope} then enforces what the user granted.
 */
@Component
class AppTokenAuthentication implements KeyAuthentication {

	/** Writing last_used_at on every request would turn each read into a write. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final AppGrantRepository grants;

	private final UserRepository users;

	private final DirectoryStanding standing;

	private final AuditLog audit;

	private final Clock clock;

	AppTokenAuthentication(AppGrantRepository grants, UserRepository users, DirectoryStanding standing, AuditLog audit,
			Clock clock) {
		this.standing = standing;
		this.grants = grants;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public boolean accepts(String credential) {
		return credential.startsWith(OAuthTokenService.ACCESS_PREFIX);
	}

	@Override
	public Optional<CurrentUser> authenticate(String credential) {
		Instant now = clock.instant();
		Optional<AppGrantRepository.Token> token = grants
			.findToken(SecureTokens.hash(credential), AppGrantRepository.Kind.ACCESS)
			.filter((found) -> found.live(now));
		Optional<User> user = token.flatMap((found) -> users.findById(found.userId()));
		String refusal = token.isEmpty() ? "unknown_expired_or_revoked" : user.isEmpty() || !user.get().isActive()
				? "suspended" : standing.withdrawal(user.get().id()).orElse(null);
		if (refusal != null) {
			audit.record(AuditEvent.denied("oauth.token_use").by(AuditActor.anonymous()).detail("reason", refusal));
			return Optional.empty();
		}
		AppGrantRepository.Token found = token.get();
		if (found.grantLastUsedAt() == null || !found.grantLastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
			grants.touchGrant(found.grantId(), now);
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		scopes.addAll(found.scopes());
		scopes.retainAll(user.get().role().scopes());
		User owner = user.get();
		return Optional.of(new CurrentUser(owner.id(), owner.email(), owner.name(), owner.role(), scopes, null, null,
				found.grantId()));
	}

}
