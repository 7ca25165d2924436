package dev.ferry.webhook;

import java.util.Map;

import dev.ferry.auth.Accounts;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/**
 * A webhook's owner as deliveries see it: whether the account may still receive what the
 * hook carries, and the mail that tells it persistent failure turned the hook off.
 */
@Component
class WebhookOwners {

	private final Accounts accounts;

	private final Mailer mail;

	WebhookOwners(Accounts accounts, Mailer mail) {
		this.accounts = accounts;
		this.mail = mail;
	}

	/**
	 * Whether the hook's owner may still see what it carries: an active account, and for
	 * every account's events still an administrator (one demoted or suspended since it
	 * was created must not go on receiving them, queued, retried or replayed).
	 */
	boolean mayReceive(WebhookRepository.Webhook hook) {
		return accounts.find(hook.ownerId())
			.filter((owner) -> hook.allAccounts() ? owner.isActiveAdmin() : owner.isActive())
			.isPresent();
	}

	/** Whether a message was queued (false without mail or without the account). */
	boolean tellDisabled(WebhookRepository.Webhook hook, String error) {
		return accounts.find(hook.ownerId())
			.map((owner) -> mail.send(owner.email(), "webhook-disabled",
					Map.of("url", hook.url(), "error", (error != null) ? error : "unknown error", "id",
							hook.id().toString())))
			.orElse(false);
	}

}
