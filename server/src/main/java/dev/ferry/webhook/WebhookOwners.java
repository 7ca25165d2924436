package dev.ferry.webhook;

import java.util.Map;

import dev.ferry.auth.Accounts;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/** Tells a webhook's owner by mail that persistent failure turned it off. */
@Component
class WebhookNotice {

	private final Accounts accounts;

	private final Mailer mail;

	WebhookNotice(Accounts accounts, Mailer mail) {
		this.accounts = accounts;
		this.mail = mail;
	}

	/** Whether a message was queued (false without mail or without the account). */
	boolean disabled(WebhookRepository.Webhook hook, String error) {
		return accounts.find(hook.ownerId())
			.map((owner) -> mail.send(owner.email(), "webhook-disabled",
					Map.of("url", hook.url(), "error", error, "id", hook.id().toString())))
			.orElse(false);
	}

}
