package dev.ferry.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.AuthProperties;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links: an admin invites an email address with a role; the link's token is
 * stored hashed, expires, and works once, for that address only.
 */
@Service
class InvitationService {

	private final InvitationRepository invitations;

	private final UserRepository users;

	private final AccessPolicy admin;

	private final PublicUrl publicUrl;

	private final AuditLog audit;

	private final AuthProperties properties;

	private final Clock clock;

	InvitationService(InvitationRepository invitations, UserRepository users, AccessPolicy admin, PublicUrl publicUrl,
			AuditLog audit, AuthProperties properties, Clock clock) {
		this.invitations = invitations;
		this.users = users;
		this.admin = admin;
		this.publicUrl = publicUrl;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	CreatedInvitation create(CurrentUser caller, String email, Role role) {
		admin.requireAdmin(caller, "invitation.create");
		String normalized = UserRepository.normalize(email);
		if (users.findByEmail(normalized).isPresent()) {
			audit.record(AuditEvent.failure("invitation.create")
				.detail("email", normalized)
				.detail("reason", "email_taken"));
			throw AuthException.conflict("email-taken", "Email taken", "An account with this email already exists.");
		}
		Instant now = clock.instant();
		String token = SecureTokens.generate("");
		InvitationRepository.Invitation invitation = new InvitationRepository.Invitation(UUID.randomUUID(), normalized,
				role, caller.userId(), now, now.plus(properties.invitationTtl()), null);
		invitations.insert(invitation, SecureTokens.hash(token));
		audit.record(AuditEvent.success("invitation.create")
			.object("invitation", invitation.id())
			.detail("email", normalized)
			.detail("role", role.apiName()));
		// The token rides in the fragment: browsers never send it, so it stays out of
		// access logs and Referer headers; the registration page reads it from there.
		return new CreatedInvitation(invitation.id().toString(), token,
				publicUrl.resolve("/register#invitation=" + token), normalized, role.apiName(), now,
				invitation.expiresAt());
	}

	/**
	 * The invitation behind {@code token} if it is pending, unexpired and for
	 * {@code email}. Reads only, so a registration can check everything else before using
	 * it up.
	 */
	Optional<InvitationRepository.Invitation> find(String token, String email) {
		Instant now = clock.instant();
		return invitations.findByTokenHash(SecureTokens.hash(token))
			.filter((invitation) -> invitation.acceptedAt() == null && invitation.expiresAt().isAfter(now))
			.filter((invitation) -> SecureTokens.constantTimeEquals(invitation.email(),
					UserRepository.normalize(email)));
	}

	/** Uses the invitation up; false when a concurrent registration used it first. */
	boolean claim(InvitationRepository.Invitation invitation) {
		return invitations.claim(invitation.id(), clock.instant());
	}

	void release(InvitationRepository.Invitation invitation) {
		invitations.release(invitation.id());
	}

	void accepted(InvitationRepository.Invitation invitation, User user) {
		invitations.recordAcceptedBy(invitation.id(), user.id());
		audit.record(AuditEvent.success("invitation.accept")
			.by(user.auditActor())
			.object("invitation", invitation.id())
			.detail("role", invitation.role().apiName()));
	}

	record CreatedInvitation(String id, String token, String url, String email, String role, Instant createdAt,
			Instant expiresAt) {
	}

}
