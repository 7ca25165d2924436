package dev.ferry.share.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.BiConsumer;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.share.Cursor;
import dev.ferry.share.ShareException;
import dev.ferry.share.ShareProperties;
import dev.ferry.share.transfer.TransferApi.Change;
import dev.ferry.i18n.Languages;
import dev.ferry.share.transfer.TransferApi.NewTransfer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The owner's transfers: files of theirs sent to recipients with a title and message.
 * Only files the caller owns can be sent (others' ids are 404, like unknown ones).
 */
@Service
public class TransferService {

	private final TransferRepository transfers;

	private final TransferFiles files;

	private final Owners owners;

	private final ShareProperties properties;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	TransferService(TransferRepository transfers, TransferFiles files, Owners owners, ShareProperties properties,
			AuditLog audit, TransactionOperations transactions, Clock clock) {
		this.transfers = transfers;
		this.files = files;
		this.owners = owners;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Creates the transfer; {@code alsoInTransaction} runs in the transaction that
	 * inserts it. The caller ({@link TransferCreation}) checked the share scope first.
	 */
	Transfer create(CurrentUser user, NewTransfer request, Consumer<Transfer> alsoInTransaction) {
		Instant now = now();
		List<UUID> fileIds = files.owned(user, request.fileIds());
		Map<UUID, Integer> versions = PinnedVersions.of(fileIds, request.versions());
		List<String> recipients = TransferFields.recipients(request.recipients());
		if (Boolean.TRUE.equals(request.notifyRecipients()) && recipients.isEmpty()) {
			throw ShareException.invalid("notify_recipients needs at least one recipient.");
		}
		Locale recipientLocale = (request.recipientLocale() != null) ? Languages.shipped(request.recipientLocale())
			.orElseThrow(() -> ShareException
				.invalid("recipient_locale must be one of " + String.join(", ", Languages.TAGS) + ".")) : null;
		Transfer transfer = new Transfer(UUID.randomUUID(), user.userId(), TransferFields.title(request.title()),
				TransferFields.message(request.message()), Transfer.Status.ACTIVE, expiry(request.expiresAt(), now),
				Boolean.TRUE.equals(request.showSenderEmail()), !Boolean.FALSE.equals(request.notifySender()),
				Boolean.TRUE.equals(request.deleteFilesOnExpiry()), now, now, null, null, null);
		UUID gone = transactions.execute((status) -> {
			UUID missing = files.lockAll(user.userId(), fileIds);
			if (missing != null) {
				status.setRollbackOnly();
				return missing;
			}
			transfers.insert(transfer, fileIds, versions, recipients);
			transfers.setRecipientLocale(transfer.id(), recipientLocale);
			alsoInTransaction.accept(transfer);
			versions.forEach((file, version) -> {
				if (!files.pin(transfer.id(), user.userId(), file, version)) {
					throw ShareException
						.invalid("File " + file + " has no version " + version + " (or it was pruned).");
				}
			});
			audit.record(AuditEvent.success("transfer.created")
				.object("transfer", transfer.id())
				.detail("files", fileIds.size())
				.detail("pinned_versions", versions.size())
				.detail("recipients", recipients.size())
				.detail("expires_at", transfer.expiresAt().toString()));
			return null;
		});
		if (gone != null) {
			throw files.notFound(gone.toString());
		}
		return transfer;
	}

	Transfer get(CurrentUser user, String id) {
		Transfer transfer = owners.transfer(user, id, Scope.READ, "transfer.read");
		audit.record(AuditEvent.success("transfer.read").object("transfer", transfer.id()));
		return transfer;
	}

	TransferPage list(CurrentUser user, String status, String cursor, Integer limit) {
		owners.require(user, Scope.READ, "transfer.listed");
		Transfer.Status filter = TransferFields.parseStatus(status);
		int size = Cursor.limit(limit);
		List<Transfer> rows = transfers.page(user.userId(), filter, now(), Cursor.decode(cursor), size);
		boolean more = rows.size() > size;
		List<Transfer> page = more ? rows.subList(0, size) : rows;
		String next = more ? Cursor.after(page.get(size - 1).createdAt(), page.get(size - 1).id()).encode() : null;
		audit.record(AuditEvent.success("transfer.listed").detail("count", page.size()));
		return new TransferPage(page, next);
	}

	/**
	 * Applies {@code change} to the caller's transfer; {@code check} vets it only once
	 * the caller is known to own it, so a refusal tells nothing about another's.
	 */
	Transfer update(CurrentUser user, String id, Change change, BiConsumer<UUID, Change> check) {
		Transfer old = owners.transfer(user, id, Scope.SHARE, "transfer.updated");
		Instant now = now();
		Transfer updated;
		List<String> recipients;
		try {
			check.accept(old.id(), change);
			updated = changed(old, change, now);
			recipients = (change.recipients() != null) ? TransferFields.recipients(change.recipients()) : null;
		}
		catch (ShareException invalid) {
			throw refused(old, "invalid", invalid);
		}
		if (old.status() == Transfer.Status.REVOKED || old.purgedAt() != null) {
			throw refused(old, "ended", cannotChange());
		}
		Instant expires = updated.expiresAt();
		boolean reopened = old.status() == Transfer.Status.EXPIRED && updated.status() == Transfer.Status.ACTIVE;
		String refusal = transactions.execute((status) -> {
			if (updated.status() == Transfer.Status.ACTIVE && expires.isAfter(now)) {
				// Live after this change: an ended transfer's purge must see it
				// (ShareSweeper), and one it began (some files shredded, the transfer not
				// yet marked purged) must not come back to life with files missing.
				UUID missing = files.lockAll(user.userId(), transfers.fileIds(old.id()));
				if (missing != null && reopened && old.deleteFilesOnExpiry()) {
					status.setRollbackOnly();
					return "files_purged";
				}
			}
			if (!transfers.update(updated, old)) {
				status.setRollbackOnly();
				return "changed_meanwhile";
			}
			if (recipients != null) {
				transfers.replaceRecipients(old.id(), recipients);
			}
			audit.record(AuditEvent.success("transfer.updated")
				.object("transfer", old.id())
				.detail("expires_at", expires.toString())
				.detail("reopened", reopened));
			return null;
		});
		if (refusal != null) {
			throw refused(old, refusal,
					refusal.equals("files_purged") ? cannotChange()
							: ShareException.conflict("This transfer was changed, revoked, expired or purged while you "
									+ "changed it; reload it and try again."));
		}
		return updated;
	}

	/**
	 * Takes back a transfer just created whose link was then refused (a bad option, a
	 * policy): the client's request failed as a whole, so nothing of it stays.
	 */
	void discard(Transfer transfer, String reason) {
		transactions.executeWithoutResult((status) -> {
			files.unpin(transfer.id());
			transfers.delete(transfer.id());
			audit.record(
					AuditEvent.success("transfer.deleted").object("transfer", transfer.id()).detail("reason", reason));
		});
	}

	/** Ends the transfer at once: every link stops; files are purged by the sweeper. */
	void revoke(CurrentUser user, String id) {
		Transfer old = owners.transfer(user, id, Scope.SHARE, "transfer.revoked");
		Instant now = now();
		transactions.executeWithoutResult((status) -> {
			// Revoking twice, or a transfer whose files were purged, changes nothing: the
			// answer stays 204, the trail says so.
			boolean revoked = transfers.revoke(old.id(), now);
			audit.record((revoked ? AuditEvent.success("transfer.revoked")
					: AuditEvent.failure("transfer.revoked")
						.detail("reason", (old.status() == Transfer.Status.REVOKED) ? "already_revoked" : "purged"))
				.object("transfer", old.id()));
		});
	}

	List<TransferRepository.Recipient> recipients(CurrentUser user, String id) {
		Transfer transfer = owners.transfer(user, id, Scope.READ, "transfer.recipients");
		audit.record(AuditEvent.success("transfer.recipients").object("transfer", transfer.id()));
		return transfers.recipients(transfer.id());
	}

	/** The transfer's files; those deleted or purged since are marked unavailable. */
	public List<TransferApi.FileView> files(Transfer transfer) {
		return files.views(transfer.ownerId(), transfers.files(transfer.id()));
	}

	public List<String> recipientEmails(Transfer transfer) {
		return transfers.recipients(transfer.id()).stream().map(TransferRepository.Recipient::email).toList();
	}

	/** An expiry in the future and within the admin's maximum; none means the maximum. */
	public Instant expiry(Instant requested, Instant now) {
		Instant max = now.plus(properties.maxLifetime());
		if (requested == null) {
			return max.truncatedTo(ChronoUnit.MILLIS);
		}
		if (!requested.isAfter(now)) {
			throw ShareException.invalid("expires_at must be in the future.");
		}
		if (requested.isAfter(max)) {
			throw ShareException.invalid("expires_at may be at most " + properties.maxDays() + " days ahead ("
					+ max.truncatedTo(ChronoUnit.SECONDS) + ").");
		}
		return requested.truncatedTo(ChronoUnit.MILLIS);
	}

	public Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * {@code old} with {@code change} applied: reopened when it moves an expiry ahead.
	 */
	private Transfer changed(Transfer old, Change change, Instant now) {
		Instant expires = (change.expiresAt() != null) ? expiry(change.expiresAt(), now) : old.expiresAt();
		boolean reopened = old.status() == Transfer.Status.EXPIRED && expires.isAfter(now);
		return new Transfer(old.id(), old.ownerId(),
				(change.title() != null) ? TransferFields.title(change.title()) : old.title(),
				(change.message() != null) ? TransferFields.message(change.message()) : old.message(),
				reopened ? Transfer.Status.ACTIVE : old.status(), expires,
				(change.showSenderEmail() != null) ? change.showSenderEmail() : old.showSenderEmail(),
				(change.notifySender() != null) ? change.notifySender() : old.notifySender(), old.deleteFilesOnExpiry(),
				old.createdAt(), old.nextStamp(now), old.firstDownloadAt(), reopened ? null : old.endedAt(),
				old.purgedAt());
	}

	private ShareException refused(Transfer transfer, String reason, ShareException answer) {
		audit.record(AuditEvent.failure("transfer.updated").object("transfer", transfer.id()).detail("reason", reason));
		return answer;
	}

	private static ShareException cannotChange() {
		return ShareException.conflict("This transfer was revoked or its files purged; it cannot change.");
	}

	public record TransferPage(List<Transfer> items, String nextCursor) {
	}

}
