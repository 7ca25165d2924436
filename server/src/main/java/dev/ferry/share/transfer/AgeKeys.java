package dev.ferry.share.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.share.ShareException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Users' age keys for "to people" transfers. The browser makes the identity and wraps it
 * (an age file under the user's key passphrase) before it comes here; the server keeps
 * the public recipient for senders and hands the wrapped identity back only to its owner.
 */
@Service
class AgeKeys {

	/** An X25519 recipient: "age1" and 58 bech32 characters. */
	private static final Pattern RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{58}");

	private static final int MAX_WRAPPED_CHARS = 16 * 1024;

	private final AgeKeyRepository keys;

	private final Accounts accounts;

	private final Owners owners;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	AgeKeys(AgeKeyRepository keys, Accounts accounts, Owners owners, AuditLog audit, TransactionOperations transactions,
			Clock clock) {
		this.keys = keys;
		this.accounts = accounts;
		this.owners = owners;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Senders encrypt to the recipient saved here, so replacing it is managing a
	 * credential: an API key, app token or a device's narrowed session may not.
	 */
	AgeKey save(CurrentUser user, String recipient, String wrappedIdentity) {
		owners.require(user, Scope.SHARE, "e2e.key.saved");
		owners.requireFullSession(user, "e2e.key.saved", "save your end-to-end key");
		if (recipient == null || !RECIPIENT.matcher(recipient).matches()) {
			throw ShareException.invalid("recipient must be an age X25519 recipient (age1 and 58 characters).");
		}
		if (wrappedIdentity == null || wrappedIdentity.length() > MAX_WRAPPED_CHARS) {
			throw ShareException
				.invalid("wrapped_identity must be an age file, base64, at most " + MAX_WRAPPED_CHARS + " characters.");
		}
		EncryptedTransfers.requireAgeBase64(wrappedIdentity, "wrapped_identity");
		AgeKey key = new AgeKey(recipient, wrappedIdentity, clock.instant().truncatedTo(ChronoUnit.MILLIS));
		transactions.executeWithoutResult((status) -> {
			String previous = keys.find(user.userId()).map(AgeKey::recipient).orElse(null);
			keys.save(user.userId(), key);
			audit.record(AuditEvent.success("e2e.key.saved")
				.object("user", user.userId())
				.detail("recipient", recipient)
				.detail("replaced", previous));
		});
		return key;
	}

	AgeKey own(CurrentUser user) {
		owners.require(user, Scope.READ, "e2e.key.read");
		AgeKey key = keys.find(user.userId()).orElse(null);
		audit.record(((key != null) ? AuditEvent.success("e2e.key.read")
				: AuditEvent.failure("e2e.key.read").detail("reason", "no_key"))
			.object("user", user.userId()));
		if (key == null) {
			throw ShareException.notFound("age key");
		}
		return key;
	}

	/** Another active user's public recipient, for a sender who encrypts to them. */
	String recipientOf(CurrentUser user, String email) {
		owners.require(user, Scope.SHARE, "e2e.recipient.read");
		User person = (email != null) ? accounts.findByEmail(email.strip()).filter(User::isActive).orElse(null) : null;
		String recipient = (person != null) ? keys.find(person.id()).map(AgeKey::recipient).orElse(null) : null;
		audit.record(((recipient != null) ? AuditEvent.success("e2e.recipient.read")
				: AuditEvent.failure("e2e.recipient.read").detail("reason", "no_key")));
		if (recipient == null) {
			throw ShareException.notFound("age key for this address");
		}
		return recipient;
	}

	record AgeKey(String recipient, String wrappedIdentity, Instant createdAt) {
	}

}
