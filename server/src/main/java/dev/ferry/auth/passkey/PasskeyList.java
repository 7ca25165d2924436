package dev.ferry.auth.passkey;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.passkey.PasskeyService.PasskeyView;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's own passkeys: listed, and deleted unless the last one is the second
 * factor the 2FA policy makes the account keep (as turning TOTP off is refused then).
 */
@Service
class PasskeyList {

	private final PasskeyRepository passkeys;

	private final SignInPolicy policy;

	private final AccessPolicy access;

	private final AuditLog audit;

	PasskeyList(PasskeyRepository passkeys, SignInPolicy policy, AccessPolicy access, AuditLog audit) {
		this.passkeys = passkeys;
		this.policy = policy;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<PasskeyView> list(CurrentUser caller) {
		access.requireOwnRead(caller, "auth.passkey_list");
		audit.record(AuditEvent.success("auth.passkey_list"));
		return passkeys.listForUser(caller.userId()).stream().map(PasskeyView::of).toList();
	}

	@Transactional(noRollbackFor = AuthException.class)
	void delete(CurrentUser caller, UUID id) {
		access.requireFullSession(caller, "auth.passkey_delete", "manage passkeys");
		passkeys.lockOwn(caller.userId());
		List<PasskeyRepository.Passkey> own = passkeys.listForUser(caller.userId());
		if (own.stream().noneMatch((passkey) -> passkey.id().equals(id))) {
			audit.record(AuditEvent.failure("auth.passkey_delete").object("passkey", id).detail("reason", "not_found"));
			throw AuthException.notFound("passkey");
		}
		if (own.size() == 1 && !policy.mayLose(caller.role(), caller.userId(), Set.of(PasskeyFactor.METHOD))) {
			audit.record(AuditEvent.denied("auth.passkey_delete")
				.object("passkey", id)
				.detail("reason", "required_by_policy"));
			throw SignInPolicy.requiredByPolicy();
		}
		passkeys.delete(caller.userId(), id);
		audit.record(AuditEvent.success("auth.passkey_delete").object("passkey", id));
	}

}
