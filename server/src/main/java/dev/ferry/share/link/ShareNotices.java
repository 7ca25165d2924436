package dev.ferry.share.link;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.AccountLocales;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.User;
import dev.ferry.notify.Mailer;
import dev.ferry.share.ShareExpired;
import dev.ferry.share.TransferDownloaded;
import dev.ferry.share.transfer.Transfer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The mails sharing sends to senders and recipients, composed from templates, and the
 * events it publishes for listeners such as webhooks.
 */
@Component
class ShareNotices {

	private final Mailer mailer;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final AccountLocales locales;

	ShareNotices(Mailer mailer, Accounts accounts, ApplicationEventPublisher events, AccountLocales locales) {
		this.locales = locales;
		this.events = events;
		this.mailer = mailer;
		this.accounts = accounts;
	}

	String status() {
		return mailer.status();
	}

	/**
	 * Mails {@code recipient} the link, in their account's language, else {@code chosen}
	 * (the sender's choice for them, may be null), else the sender's own.
	 */
	boolean shared(Transfer transfer, String recipient, Locale chosen, String url, Instant expiresAt) {
		Locale preferred = (chosen != null) ? chosen : locales.of(transfer.ownerId()).orElse(null);
		return mailer.send(recipient, preferred, "transfer-shared",
				Map.of("sender_name", senderName(transfer), "title", transfer.title(), "message",
						(transfer.message() != null) ? transfer.message() : "", "link", url, "expires_at",
						expiresAt.toString()));
	}

	void firstDownload(Transfer transfer, String who, Instant when) {
		toOwner(transfer, "transfer-first-download",
				Map.of("title", transfer.title(), "who", who, "when", when.toString()));
	}

	void downloaded(Transfer transfer, String who, String item, Instant when) {
		toOwner(transfer, "transfer-downloaded",
				Map.of("title", transfer.title(), "who", who, "item", item, "when", when.toString()));
	}

	void expiredUnopened(Transfer transfer) {
		toOwner(transfer, "transfer-expired-unopened",
				Map.of("title", transfer.title(), "expires_at", transfer.expiresAt().toString()));
	}

	void downloadCompleted(Transfer transfer, UUID linkId, UUID fileId, String email, long bytes) {
		events.publishEvent(new TransferDownloaded(transfer.id(), transfer.ownerId(), linkId, fileId, email, bytes));
	}

	void expired(Transfer transfer, boolean unopened) {
		events.publishEvent(
				new ShareExpired(transfer.id(), transfer.ownerId(), transfer.title(), transfer.expiresAt(), unopened));
	}

	/** The name visitors see for the sender; never the address unless opted in. */
	String senderName(Transfer transfer) {
		return accounts.find(transfer.ownerId())
			.map(User::name)
			.filter((name) -> !name.isBlank())
			.orElse("A Ferry user");
	}

	String senderEmail(Transfer transfer) {
		return transfer.showSenderEmail() ? accounts.find(transfer.ownerId()).map(User::email).orElse(null) : null;
	}

	private void toOwner(Transfer transfer, String template, Map<String, String> values) {
		accounts.find(transfer.ownerId()).ifPresent((owner) -> mailer.send(owner.email(), template, values));
	}

}
