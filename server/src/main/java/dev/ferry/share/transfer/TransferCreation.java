package dev.ferry.share.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.ProblemException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.BulkShares;
import dev.ferry.share.ShareException;
import dev.ferry.share.TransferCreated;
import dev.ferry.share.transfer.TransferApi.LinkView;
import dev.ferry.share.transfer.TransferApi.NewTransfer;
import dev.ferry.share.transfer.TransferApi.TransferView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static dev.ferry.share.transfer.TransferApi.iso;

/**
 * Creates a transfer with its first link and mails, for {@code POST /api/v1/transfers}
 * and for the files module's bulk {@code share}, and shows a transfer as the API does.
 */
@Component
class TransferCreation implements BulkShares {

	private final Owners owners;

	private final TransferService transfers;

	private final TransferLinks links;

	private final TransferNotices notices;

	private final EncryptedTransfers encrypted;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	TransferCreation(TransferService transfers, TransferLinks links, TransferNotices notices,
			EncryptedTransfers encrypted, ApplicationEventPublisher events, JsonMapper json, Owners owners) {
		this.owners = owners;
		this.transfers = transfers;
		this.links = links;
		this.notices = notices;
		this.encrypted = encrypted;
		this.events = events;
		this.json = json;
	}

	TransferView create(CurrentUser user, NewTransfer body) {
		// Before the end-to-end checks read the caller's files.
		owners.require(user, Scope.SHARE, "transfer.created");
		Transfer transfer = encrypted.create(user, body,
				(request, marking) -> transfers.create(user, request, marking));
		LinkView link = null;
		try {
			if (Boolean.TRUE.equals(body.notifyRecipients())) {
				link = notices.notify(transfer, body.link()).link();
			}
			else if (body.link() != null) {
				link = links.create(transfer, body.link());
			}
		}
		catch (RuntimeException ex) {
			// The link's options are checked against the transfer, so only once it
			// exists; a refused link, or a failure of the link or the mail, must not
			// leave a live transfer behind the error.
			transfers.discard(transfer, (ex instanceof ProblemException) ? "link_refused" : "link_failed");
			throw ex;
		}
		TransferView view = view(transfer, link);
		// Counted as stored: a request may name a file or an address twice.
		events.publishEvent(new TransferCreated(transfer.id(), transfer.ownerId(), transfer.title(),
				view.files().size(), view.recipients().size(), transfer.expiresAt(), Boolean.TRUE.equals(body.e2e())));
		return view;
	}

	@Override
	public TransferView share(CurrentUser owner, List<String> fileIds, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>((options != null) ? options : Map.of());
		if (body.containsKey("file_ids")) {
			throw ShareException.invalid("A bulk share sends the files of 'ids'; leave 'file_ids' out of 'transfer'.");
		}
		body.put("file_ids", fileIds);
		NewTransfer request;
		try {
			request = json.convertValue(body, NewTransfer.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw ShareException.invalid("'transfer' must be a transfer as POST /api/v1/transfers takes it.");
		}
		return create(owner, request);
	}

	TransferView view(Transfer t, LinkView created) {
		List<TransferApi.FileView> files = transfers.files(t);
		EncryptedTransfers.Encryption encryption = encrypted.find(t.id()).orElse(null);
		return new TransferView(t.id().toString(), t.title(), t.message(), t.status(transfers.now()).apiName(),
				iso(t.expiresAt()), iso(t.createdAt()), iso(t.updatedAt()), files,
				files.stream().mapToLong(TransferApi.FileView::size).sum(), transfers.recipientEmails(t),
				t.showSenderEmail(), t.notifySender(), t.deleteFilesOnExpiry(), iso(t.firstDownloadAt()),
				iso(t.purgedAt()), links.links(t), created, notices.mailStatus(), encryption != null,
				(encryption != null) ? encryption.manifest() : null);
	}

}
