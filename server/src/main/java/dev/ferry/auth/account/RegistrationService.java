package dev.ferry.auth.account;

import java.util.Optional;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.RequestLimits;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.limits.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service account creation: registration (as {@code FERRY_REGISTRATION} allows) and
 * the one-time first-admin setup. Every check runs before the first write, so a refusal
 * commits only its audit record.
 */
@Service
class RegistrationService {

	private final AccountCreator accounts;

	private final InvitationService invitations;

	private final UserRepository users;

	private final SetupTokenRepository setupTokens;

	private final AuditLog audit;

	private final FerryProperties properties;

	private final RequestLimits limits;

	RegistrationService(AccountCreator accounts, InvitationService invitations, UserRepository users,
			SetupTokenRepository setupTokens, AuditLog audit, FerryProperties properties, RequestLimits limits) {
		this.limits = limits;
		this.accounts = accounts;
		this.invitations = invitations;
		this.users = users;
		this.setupTokens = setupTokens;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView register(String email, String password, String name, String invitationToken, String ip) {
		FerryProperties.Registration mode = properties.registration();
		if (mode == FerryProperties.Registration.CLOSED) {
			throw refused(email, "closed", "registration-closed", "Registration is closed on this server.");
		}
		if (invitationToken == null && mode == FerryProperties.Registration.INVITE) {
			throw refused(email, "invitation_required", "invitation-required",
					"Registration needs an invitation on this server; ask an administrator for one.");
		}
		if (invitationToken == null) {
			Optional<Refusal> refusal = limits.registration(ip);
			if (refusal.isPresent()) {
				audit.record(AuditEvent.denied("auth.register")
					.detail("email", UserRepository.normalize(email))
					.detail("reason", "rate_limited"));
				throw AuthException.tooManyAttempts("registrations", refusal.get().retryAfter());
			}
		}
		// The invitation is checked before the email, so only its holder can learn
		// whether an account exists; it is used up once everything else has passed.
		InvitationRepository.Invitation invitation = (invitationToken != null)
				? invitations.find(invitationToken, email).orElseThrow(() -> invalidInvitation(email)) : null;
		accounts.check("auth.register", email, password);
		if (invitation != null && !invitations.claim(invitation)) {
			throw invalidInvitation(email);
		}
		Role role = (invitation != null) ? invitation.role() : Role.USER;
		User user;
		try {
			user = accounts.create("auth.register", email, password, name, role, null);
		}
		catch (AuthException ex) {
			// Refusals are committed (for their audit record): the invitation must
			// not stay used by an account that was never made (another request took
			// the address meanwhile).
			if (invitation != null) {
				invitations.release(invitation);
			}
			throw ex;
		}
		if (invitation != null) {
			invitations.accepted(invitation, user);
		}
		audit.record(AuditEvent.success("auth.register")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("role", role.apiName()));
		return UserView.of(user);
	}

	/** Creates the first admin with the token the server printed at start. */
	@Transactional(noRollbackFor = AuthException.class)
	UserView setup(String token, String email, String password, String name) {
		if (users.anyAdmin()) {
			audit.record(AuditEvent.failure("auth.setup").detail("reason", "already_set_up"));
			throw AuthException.conflict("already-set-up", "Already set up",
					"This server already has an administrator; sign in instead.");
		}
		String tokenHash = SecureTokens.hash(token);
		if (!setupTokens.exists(tokenHash)) {
			throw invalidSetupToken();
		}
		accounts.check("auth.setup", email, password);
		if (!setupTokens.claim(tokenHash)) {
			throw invalidSetupToken();
		}
		User admin = accounts.create(email, password, name, Role.ADMIN, null);
		setupTokens.deleteAll();
		audit.record(AuditEvent.success("auth.setup").by(admin.auditActor()).object("user", admin.id()));
		return UserView.of(admin);
	}

	/** Wrong, or taken by a setup that ran at the same time. */
	private AuthException invalidSetupToken() {
		audit.record(AuditEvent.denied("auth.setup").detail("reason", "invalid_token"));
		return new AuthException(HttpStatus.FORBIDDEN, "invalid-setup-token", "Invalid setup token",
				"The setup token is wrong or was just used; use the URL the server printed in its log at start.");
	}

	private AuthException invalidInvitation(String email) {
		return refused(email, "invalid_invitation", "invalid-invitation",
				"The invitation is unknown, expired, already used or for another email address.");
	}

	private AuthException refused(String email, String reason, String slug, String detail) {
		audit.record(AuditEvent.denied("auth.register")
			.detail("email", UserRepository.normalize(email))
			.detail("reason", reason));
		return new AuthException(HttpStatus.FORBIDDEN, slug, "Registration refused", detail);
	}

}
