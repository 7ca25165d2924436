package dev.ferry.auth.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.account.AccountCreator;

import org.springframework.stereotype.Component;

/**
 * The Ferry account behind a provider identity: the one linked before, else (if allowed)
 * an existing account with the same provider-verified email, else (if allowed) a new
 * account without a password. With a roles claim configured, the role follows the
 * provider at every sign-in, except that the last active admin is never demoted.
 */
@Component
class SsoAccounts {

	private final OidcRepository identities;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	SsoAccounts(OidcRepository identities, UserRepository users, AuditLog audit, Clock clock) {
		this.identities = identities;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	User resolve(OidcProperties.Provider provider, IDTokenClaimsSet claims) {
		Instant now = clock.instant();
		String subject = claims.getSubject().getValue();
		Optional<User> linked = identities.findIdentity(provider.id(), subject).flatMap(users::findById);
		if (linked.isPresent()) {
			identities.touchIdentity(provider.id(), subject, now);
			return syncRole(provider, claims, linked.get(), now);
		}
		String email = claims.getStringClaim("email");
		if (email == null || email.isBlank()) {
			throw new OidcFailure("no_email", "The provider sent no email address");
		}
		Optional<User> existing = users.findByEmail(email);
		if (existing.isPresent()) {
			if (!provider.linkByEmail() || !Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
				throw new OidcFailure("account_exists", "An account with this email exists and linking is off");
			}
			identities.link(provider.id(), subject, existing.get().id(), now);
			audit.record(AuditEvent.success("auth.sso_link")
				.by(existing.get().auditActor())
				.object("user", existing.get().id())
				.detail("provider", provider.id()));
			return syncRole(provider, claims, existing.get(), now);
		}
		if (!provider.autoProvision()) {
			throw new OidcFailure("not_provisioned", "Unknown user and automatic provisioning is off");
		}
		return provision(provider, claims, subject, email, now);
	}

	private User provision(OidcProperties.Provider provider, IDTokenClaimsSet claims, String subject, String email,
			Instant now) {
		Role role = mappedRole(provider, claims).orElse(Role.USER);
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email),
				AccountCreator.blankToNull(claims.getStringClaim("name")), null, role, UserStatus.ACTIVE, null, now,
				now);
		users.insert(user);
		identities.link(provider.id(), subject, user.id(), now);
		audit.record(AuditEvent.success("auth.sso_provision")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("provider", provider.id())
			.detail("role", role.apiName()));
		return users.findById(user.id()).orElseThrow();
	}

	private User syncRole(OidcProperties.Provider provider, IDTokenClaimsSet claims, User user, Instant now) {
		Optional<Role> mapped = mappedRole(provider, claims);
		if (mapped.isEmpty() || mapped.get() == user.role()) {
			return user;
		}
		boolean lastAdmin = user.role() == Role.ADMIN && user.isActive() && users.otherActiveAdmins(user.id()) == 0;
		if (lastAdmin) {
			return user;
		}
		User updated = new User(user.id(), user.email(), user.name(), user.passwordHash(), mapped.get(), user.status(),
				user.quotaBytes(), user.createdAt(), now);
		users.update(updated);
		audit.record(AuditEvent.success("auth.sso_role_change")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("provider", provider.id())
			.detail("from", user.role().apiName())
			.detail("to", mapped.get().apiName()));
		return updated;
	}

	/** The role the provider's claim grants; empty when no roles claim is configured. */
	private static Optional<Role> mappedRole(OidcProperties.Provider provider, IDTokenClaimsSet claims) {
		if (!provider.mapsRoles()) {
			return Optional.empty();
		}
		Object claim = claims.getClaim(provider.rolesClaim());
		Collection<?> values = (claim instanceof Collection<?> list) ? list
				: (claim != null) ? List.of(claim.toString()) : List.of();
		if (provider.adminRole() != null && values.contains(provider.adminRole())) {
			return Optional.of(Role.ADMIN);
		}
		if (provider.guestRole() != null && values.contains(provider.guestRole())) {
			return Optional.of(Role.GUEST);
		}
		return Optional.of(Role.USER);
	}

}
