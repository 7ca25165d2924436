package dev.ferry.scim;

import dev.ferry.audit.PersonalMentions;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.User;
import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The status page's last SCIM error may quote an account's address ("A user with userName
 * ann@x.test is provisioned already"): an erasure takes it out.
 */
@Component
class ScimErasure {

	private final ScimRepository scim;

	private final Accounts accounts;

	ScimErasure(ScimRepository scim, Accounts accounts) {
		this.scim = scim;
		this.accounts = accounts;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		String error = scim.status().lastError();
		User user = accounts.find(event.userId()).orElse(null);
		if (error == null || user == null) {
			return;
		}
		String redacted = PersonalMentions.replace(error, user.id().toString(), user.email(), "[erased account]");
		if (!redacted.equals(error)) {
			scim.rewriteError(redacted);
		}
	}

}
