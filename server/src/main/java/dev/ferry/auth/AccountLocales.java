package dev.ferry.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.i18n.Languages;
import dev.ferry.notify.RecipientLocales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each account's language ({@code users.locale}): a shipped BCP 47 tag, or none to follow
 * the browser. Mail asks it by address through {@link RecipientLocales}.
 */
@Component
public class AccountLocales implements RecipientLocales {

	private final JdbcClient jdbc;

	AccountLocales(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's language; empty when it follows the browser. */
	public Optional<Locale> of(UUID userId) {
		return jdbc.sql("SELECT locale FROM users WHERE id = ?")
			.param(userId.toString())
			.query(String.class)
			.optional()
			.flatMap(Languages::shipped);
	}

	@Override
	public Optional<Locale> of(String email) {
		return jdbc.sql("SELECT locale FROM users WHERE email = ?")
			.param(UserRepository.normalize(email))
			.query(String.class)
			.optional()
			.flatMap(Languages::shipped);
	}

	/** Stores {@code locale} (a shipped language, or null to follow the browser). */
	public void set(UUID userId, Locale locale) {
		jdbc.sql("UPDATE users SET locale = ? WHERE id = ?")
			.params((locale != null) ? locale.toLanguageTag() : null, userId.toString())
			.update();
	}

}
