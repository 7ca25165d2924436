package dev.ferry.auth.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.DirectoryGroups;
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
 * provider at every sign-in, except that the last active admin is never demoted; with a
 * groups claim and group map, so do the mapped Ferry groups.
 */
@Component
class SsoAccounts {

	private final OidcRepository identities;

	private final UserRepository users;

	private final DirectoryGroups groups;

	private final AuditLog audit;

	private final Clock clock;

	SsoAccounts(OidcRepository identities, UserRepository users, DirectoryGroups groups, AuditLog audit, Clock clock) {
		this.identities = identities;
		this.users = users;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
	}

	/** The signed-in account, its role and groups brought in step with the provider. */
	User resolve(OidcProperties.Provider provider, IDTokenClaimsSet idToken, SignInClaims claims) {
		User user = account(provider, idToken, claims);
		if (provider.syncsGroups()) {
			List<String> memberOf = claims.find(provider.groupsClaim()).orElse(List.of());
			groups.sync(user, "oidc:" + provider.id(), new HashSet<>(provider.groupMap().values()),
					new HashSet<>(provider.groupMap()
						.entrySet()
						.stream()
						.filter((entry) -> memberOf.contains(entry.getKey()))
						.map((entry) -> entry.getValue())
						.toList()));
		}
		return user;
	}

	private User account(OidcProperties.Provider provider, IDTokenClaimsSet idToken, SignInClaims claims) {
		Instant now = clock.instant();
		String subject = idToken.getSubject().getValue();
		Optional<User> linked = identities.findIdentity(provider.id(), subject).flatMap(users::findById);
		if (linked.isPresent()) {
			identities.touchIdentity(provider.id(), subject, now);
			return syncRole(provider, claims, linked.get(), now);
		}
		String email = idToken.getStringClaim("email");
		if (email == null || email.isBlank()) {
			throw new OidcFailure("no_email", "The provider sent no email address");
		}
		Optional<User> existing = users.findByEmail(email);
		if (existing.isPresent()) {
			if (!provider.linkByEmail() || !Boolean.TRUE.equals(idToken.getBooleanClaim("email_verified"))) {
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
		return provision(provider, idToken, claims, subject, email, now);
	}

	private User provision(OidcProperties.Provider provider, IDTokenClaimsSet idToken, SignInClaims claims,
			String subject, String email, Instant now) {
		Role role = mappedRole(provider, claims).orElse(new RoleMapping(provider).fallback());
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email),
				AccountCreator.blankToNull(idToken.getStringClaim("name")), null, role, UserStatus.ACTIVE, null, now,
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

	private User syncRole(OidcProperties.Provider provider, SignInClaims claims, User user, Instant now) {
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

	/**
	 * The role the provider's claim grants; empty when no roles claim is configured. A
	 * claim found nowhere maps like an empty one, to the default role.
	 */
	private static Optional<Role> mappedRole(OidcProperties.Provider provider, SignInClaims claims) {
		if (!provider.mapsRoles()) {
			return Optional.empty();
		}
		return Optional.of(new RoleMapping(provider).map(claims.find(provider.rolesClaim()).orElse(List.of())));
	}

}
