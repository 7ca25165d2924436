package dev.ferry.auth.account;

/**
 * The body of {@code PATCH /api/v1/me}: the account's own settings. A class rather than a
 * record because a PATCH must tell an absent field (keep) from an explicit null (clear:
 * follow the browser), and only setters see the difference.
 */
final class AccountSettings {

	private String locale;

	private boolean localeSet;

	public void setLocale(String locale) {
		this.locale = locale;
		this.localeSet = true;
	}

	String locale() {
		return locale;
	}

	boolean localeSet() {
		return localeSet;
	}

}
