package dev.ferry.share.link;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.LinkView;
import dev.ferry.share.transfer.TransferApi.NotifyResult;
import dev.ferry.share.transfer.TransferNotices;
import dev.ferry.share.transfer.TransferRepository;
import dev.ferry.share.transfer.TransferService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Mails a transfer's recipients a fresh share link and records who was notified. */
@Service
class LinkNotifier implements TransferNotices {

	private final ShareLinkService links;

	private final TransferRepository transfers;

	private final TransferService transferService;

	private final Owners owners;

	private final ShareNotices notices;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	LinkNotifier(ShareLinkService links, TransferRepository transfers, TransferService transferService, Owners owners,
			ShareNotices notices, AuditLog audit, TransactionOperations transactions) {
		this.links = links;
		this.transfers = transfers;
		this.transferService = transferService;
		this.owners = owners;
		this.notices = notices;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Mails a fresh link to every recipient (in the outbox, sent in the background). */
	@Override
	public NotifyResult notify(CurrentUser user, String transferId, LinkOptions options) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "transfer.notified");
		return notify(transfer, options);
	}

	@Override
	public NotifyResult notify(Transfer transfer, LinkOptions options) {
		List<String> recipients = transferService.recipientEmails(transfer);
		if (recipients.isEmpty()) {
			throw ShareException.invalid("This transfer has no recipients to notify.");
		}
		LinkView link = links.create(transfer, (options != null) ? options : LinkOptions.DEFAULTS);
		Instant expires = Instant.parse(link.expiresAt());
		Map<String, Locale> chosen = transfers.recipientLocales(transfer.id());
		transactions.executeWithoutResult((status) -> {
			for (String recipient : recipients) {
				if (notices.shared(transfer, recipient, chosen.get(recipient), link.url(), expires)) {
					transfers.markRecipients(transfer.id(), "notified_at", recipient, transferService.now());
				}
			}
			audit.record(AuditEvent.success("transfer.notified")
				.object("transfer", transfer.id())
				.detail("share_link", link.id())
				.detail("recipients", recipients.size())
				.detail("mail", notices.status()));
		});
		return new NotifyResult(link, recipients.size(), notices.status());
	}

	@Override
	public String mailStatus() {
		return notices.status();
	}

}
