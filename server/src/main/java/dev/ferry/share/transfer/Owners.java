package dev.ferry.share.transfer;

import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.share.ShareException;

import org.springframework.stereotype.Component;

/**
 * The permission checks every owner-side call starts with: the credential's scope, then
 * ownership. Another user's transfer looks exactly like an unknown one (404), and the
 * attempt is audited as denied.
 */
@Component
public class Owners {

	private final TransferRepository transfers;

	private final AuditLog audit;

	private final AccessPolicy access;

	Owners(TransferRepository transfers, AuditLog audit, AccessPolicy access) {
		this.transfers = transfers;
		this.audit = audit;
		this.access = access;
	}

	public void require(CurrentUser user, Scope scope, String action) {
		access.requireScope(user, scope, action);
	}

	public void requireFullSession(CurrentUser user, String action, String what) {
		access.requireFullSession(user, action, what);
	}

	public void requireAdmin(CurrentUser user, String action) {
		access.requireAdmin(user, action);
	}

	public Transfer transfer(CurrentUser user, String id, Scope scope, String action) {
		require(user, scope, action);
		UUID uuid = Ids.parse(id);
		Transfer transfer = (uuid != null) ? transfers.findOwned(uuid, user.userId()).orElse(null) : null;
		if (transfer == null) {
			audit.record(AuditEvent.denied(action).object("transfer", truncate(id)).detail("reason", "not_found"));
			throw ShareException.notFound("transfer");
		}
		return transfer;
	}

	public static String truncate(String id) {
		return (id == null || id.length() <= 64) ? id : id.substring(0, 64);
	}

}
