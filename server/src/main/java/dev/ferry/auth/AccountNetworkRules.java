package dev.ferry.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;

/**
 * Networks and countries an account may be used from, set by administrators. Auth asks at
 * every sign-in (any method, SFTP included) and on every authenticated API request; the
 * protection module implements it, so auth does not depend on protection.
 */
public interface AccountNetworkRules {

	/** The account's rules; empty lists when it has none. */
	Rules of(UUID userId);

	/**
	 * Validates and stores a change: a non-null list replaces the stored one (empty
	 * clears it), a null one keeps it. Answers 400 on a bad network or country, or on
	 * countries without a GeoIP database.
	 */
	Rules change(UUID userId, List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries);

	/**
	 * Why the account's rules after this {@link #change} would shut {@code address} out
	 * ({@code ip_not_allowed} or {@code country_not_allowed}), stored nowhere, recorded
	 * nowhere; 400 as {@code change} for bad rules.
	 */
	Optional<String> exclusion(UUID userId, List<String> allowedIps, List<String> allowedCountries,
			List<String> deniedCountries, String address);

	/**
	 * Whether {@code address} may act for the account; a refusal is audited as
	 * {@code action} and counted by the defender.
	 */
	Optional<Refusal> refusal(UUID userId, String address, String action);

	/**
	 * Whether {@code address} is refused before any account is known: banned by the
	 * defender, or denied by an administrator's address rule. The HTTP chain checks this
	 * in a filter; channels outside it (SFTP) ask here.
	 */
	boolean addressRefused(String address);

	/**
	 * A password or code guessed wrong from {@code address} on a channel outside the HTTP
	 * chain (SFTP): the defender counts it as it counts a 401 over HTTP.
	 */
	void failedSignIn(String address);

	/** An account's rules as the admin API shows them. */
	record Rules(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {
	}

	/** Why an address was refused: the problem type's last segment and the detail. */
	record Refusal(String slug, String title, String detail) {

		/** The 403 answered to the refused client. */
		public AuthException problem() {
			return new AuthException(HttpStatus.FORBIDDEN, slug, title, detail);
		}

	}

}
