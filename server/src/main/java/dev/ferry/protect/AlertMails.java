package dev.ferry.protect;

import java.util.Map;

import dev.ferry.auth.Accounts;
import dev.ferry.auth.User;
import dev.ferry.notify.Mailer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Mails every active administrator each alert as it is raised. */
@Component
class AlertMails {

	private final Accounts accounts;

	private final Mailer mailer;

	AlertMails(Accounts accounts, Mailer mailer) {
		this.accounts = accounts;
		this.mailer = mailer;
	}

	@EventListener
	void raised(AlertRaised alert) {
		if (!mailer.enabled()) {
			return;
		}
		for (User admin : accounts.activeAdmins()) {
			mailer.send(admin.email(), "alert-raised", Map.of("email", admin.email(), "title",
					Alert.title(alert.kind()), "detail", alert.detail(), "subject", alert.subject()));
		}
	}

}
