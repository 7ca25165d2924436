package dev.ferry.auth.account;

import java.util.Locale;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountLocales;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.i18n.Languages;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the signed-in account's own language: one of the shipped languages, or none to
 * follow the browser. Anything else is refused as a field error, and audited. A key or
 * app token needs the {@code write} scope.
 */
@Service
class AccountLanguage {

	static final String MUST_BE = "must be one of " + String.join(", ", Languages.TAGS) + ", or null";

	private final AccountLocales locales;

	private final AccessPolicy access;

	private final AuditLog audit;

	AccountLanguage(AccountLocales locales, AccessPolicy access, AuditLog audit) {
		this.locales = locales;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void change(CurrentUser caller, String tag) {
		// A guest's session has no write scope, yet a guest picks a language like anyone.
		if (caller.sessionId() == null) {
			access.requireScope(caller, Scope.WRITE, "account.locale_change");
		}
		Locale locale = null;
		if (tag != null) {
			locale = Languages.shipped(tag).orElse(null);
			if (locale == null) {
				audit.record(AuditEvent.failure("account.locale_change").object("user", caller.userId()));
				throw AuthException.invalidField("locale", MUST_BE);
			}
		}
		locales.set(caller.userId(), locale);
		audit.record(AuditEvent.success("account.locale_change")
			.object("user", caller.userId())
			.detail("locale", (locale != null) ? locale.toLanguageTag() : "browser"));
	}

}
