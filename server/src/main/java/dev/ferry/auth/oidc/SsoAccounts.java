package dev.ferry.auth.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.DirectoryGroups;
import dev.ferry.auth.FirstSignInRace;
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
 * groups claim and group map, so do the mapped Ferry groups. OpenID Connect and SAML
 * sign-ins both come here, so an account behaves the same whichever protocol it used.
 */
@Component
public class SsoAccounts {

	private final OidcRepository identities;

	private final UserRepository users;

	private final DirectoryGroups groups;

	private final AuditLog audit;

	private final Clock clock;

	private final FirstSignInRace race;

	SsoAccounts(OidcRepository identities, UserRepository users, DirectoryGroups groups, AuditLog audit, Clock clock,
			FirstSignInRace race) {
		this.identities = identities;
		this.users = users;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
		this.race = race;
	}

	/** The signed-in account, its role and groups brought in step with the provider. */
	User resolve(OidcProperties.Provider provider, IDTokenClaimsSet idToken, SignInClaims claims) {
		return resolve(provider.rules(),
				new Identity(idToken.getSubject().getValue(), idToken.getStringClaim("email"),
						Boolean.TRUE.equals(idToken.getBooleanClaim("email_verified")), idToken.getStringClaim("name")),
				claims);
	}

	/**
	 * The same for a protocol whose roles and groups arrive as named attributes (SAML):
	 * {@code attributes} maps each name to its values.
	 */
	public User resolve(AccountRules rules, Identity identity, Map<String, List<String>> attributes) {
		return resolve(rules, identity, new SignInClaims(Map.copyOf(attributes), Map::of, Map::of));
	}

	private User resolve(AccountRules rules, Identity identity, SignInClaims claims) {
		User user = race.settle(() -> account(rules, identity, claims))
			.orElseThrow(() -> new OidcFailure("concurrent_sign_in",
					"Another sign-in of this person created the account at the same moment"));
		if (rules.syncsGroups()) {
			List<String> memberOf = claims.find(rules.groupsClaim()).orElse(List.of());
			groups.sync(user, rules.source(), new HashSet<>(rules.groupMap().values()),
					new HashSet<>(rules.groupMap()
						.entrySet()
						.stream()
						.filter((entry) -> memberOf.contains(entry.getKey()))
						.map((entry) -> entry.getValue())
						.toList()));
		}
		return user;
	}

	private User account(AccountRules rules, Identity identity, SignInClaims claims) {
		Instant now = clock.instant();
		String subject = identity.subject();
		Optional<User> linked = identities.findIdentity(rules.provider(), subject).flatMap(users::findById);
		if (linked.isPresent()) {
			// Refused before anything is written (the refusal commits, for its
			// audit): a role the provider grants must not wait in a suspended
			// account for its reactivation.
			requireActive(linked.get());
			identities.touchIdentity(rules.provider(), subject, now);
			return syncRole(rules, claims, linked.get(), now);
		}
		String email = identity.email();
		if (email == null || email.isBlank()) {
			throw new OidcFailure("no_email", "The provider sent no email address");
		}
		Optional<User> existing = users.findByEmail(email);
		if (existing.isPresent()) {
			if (!rules.linkByEmail() || !identity.emailVerified()) {
				throw new OidcFailure("account_exists", "An account with this email exists and linking is off");
			}
			requireActive(existing.get());
			// An address is all linking goes by: a provider (or anyone who controls its
			// directory) that vouches for an administrator's address would get the whole
			// server, unless its own role mapping says this person is an administrator.
			if (existing.get().role() == Role.ADMIN && mappedRole(rules, claims).orElse(null) != Role.ADMIN) {
				throw new OidcFailure("admin_not_linked",
						"An administrator's account is linked by email only when the provider maps the person to admin");
			}
			identities.link(rules.provider(), subject, existing.get().id(), now);
			audit.record(AuditEvent.success("auth.sso_link")
				.by(existing.get().auditActor())
				.object("user", existing.get().id())
				.detail("provider", rules.provider()));
			return syncRole(rules, claims, existing.get(), now);
		}
		if (!rules.autoProvision()) {
			throw new OidcFailure("not_provisioned", "Unknown user and automatic provisioning is off");
		}
		if (!identity.emailVerified() && !rules.trustUnverifiedEmail()) {
			throw new OidcFailure("email_unverified",
					"The provider does not mark the email address verified, and unverified ones are not trusted");
		}
		return provision(rules, identity, claims, email, now);
	}

	private static void requireActive(User user) {
		if (!user.isActive()) {
			throw new OidcFailure("suspended", "The account is suspended");
		}
	}

	private User provision(AccountRules rules, Identity identity, SignInClaims claims, String email, Instant now) {
		Role role = mappedRole(rules, claims).orElse(new RoleMapping(rules).fallback());
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email),
				AccountCreator.blankToNull(identity.name()), null, role, UserStatus.ACTIVE, null, now, now);
		users.insert(user);
		identities.link(rules.provider(), identity.subject(), user.id(), now);
		audit.record(AuditEvent.success("auth.sso_provision")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("provider", rules.provider())
			.detail("role", role.apiName()));
		return users.findById(user.id()).orElseThrow();
	}

	private User syncRole(AccountRules rules, SignInClaims claims, User signingIn, Instant now) {
		Optional<Role> mapped = mappedRole(rules, claims);
		if (mapped.isEmpty() || mapped.get() == signingIn.role()) {
			return signingIn;
		}
		// Written back whole: read again under the row's lock, so that a suspension since
		// the sign-in began is not undone.
		users.lock(signingIn.id());
		User user = users.findById(signingIn.id()).orElse(signingIn);
		if (mapped.get() == user.role()) {
			return user;
		}
		boolean lastAdmin = user.isActiveAdmin() && users.otherActiveAdmins(user.id()) == 0;
		if (lastAdmin) {
			return user;
		}
		User updated = new User(user.id(), user.email(), user.name(), user.passwordHash(), mapped.get(), user.status(),
				user.quotaBytes(), user.createdAt(), now);
		users.update(updated);
		audit.record(AuditEvent.success("auth.sso_role_change")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("provider", rules.provider())
			.detail("from", user.role().apiName())
			.detail("to", mapped.get().apiName()));
		return updated;
	}

	/**
	 * The role the provider's claim grants; empty when no roles claim is configured. A
	 * claim found nowhere maps like an empty one, to the default role.
	 */
	private static Optional<Role> mappedRole(AccountRules rules, SignInClaims claims) {
		if (!rules.mapsRoles()) {
			return Optional.empty();
		}
		return Optional.of(new RoleMapping(rules).map(claims.find(rules.rolesClaim()).orElse(List.of())));
	}

	/**
	 * Who the provider says signed in: its stable {@code subject}, and the email address
	 * ({@code emailVerified} when the provider vouches for it) and name it sent.
	 */
	public record Identity(String subject, String email, boolean emailVerified, String name) {
	}

}
