package dev.ferry.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * The language an address's account chose, asked for every message; implemented by the
 * module that owns accounts (notify cannot depend on it, it depends on notify).
 */
public interface RecipientLocales {

	/** The account language of the account with this address; empty without one. */
	Optional<Locale> of(String email);

}
