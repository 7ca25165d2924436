package dev.ferry.protect;

import dev.ferry.audit.PersonalMentions;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.User;
import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An erased account leaves no trace in the alerts: their subjects and texts (an account's
 * failed sign-ins, its new country, its mass deletion name its id and email, a
 * quarantined file its owner) name it no more, and it no longer stands as who
 * acknowledged one. The alerts themselves stay: they are the server's security history.
 */
@Component
class AlertErasure {

	static final String ERASED = "[erased account]";

	private final AlertRepository alerts;

	private final Accounts accounts;

	AlertErasure(AlertRepository alerts, Accounts accounts) {
		this.alerts = alerts;
		this.accounts = accounts;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		String id = event.userId().toString();
		String email = accounts.find(event.userId()).map(User::email).orElse(id);
		for (Alert alert : alerts.naming(id, email)) {
			String subject = (alert.subject() != null) ? PersonalMentions.replace(alert.subject(), id, email, ERASED)
					: null;
			String detail = PersonalMentions.replace(alert.detail(), id, email, ERASED);
			if (!detail.equals(alert.detail()) || (subject != null && !subject.equals(alert.subject()))) {
				alerts.rewrite(alert.id(), subject, detail);
			}
		}
		alerts.forgetAcknowledger(event.userId());
	}

}
