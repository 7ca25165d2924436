package dev.ferry.protect;

import java.time.Duration;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Protection's problems; each refusal has its own {@code type}, so a client can tell the
 * visitor what to do about it.
 */
public class ProtectException extends ProblemException {

	ProtectException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	ProtectException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	static ProtectException ipNotAllowed(String address) {
		return new ProtectException(HttpStatus.FORBIDDEN, "ip-not-allowed", "Address not allowed",
				"Your address " + address + " is not in this resource's allowed networks; "
						+ "ask its owner to allow it or connect from an allowed network.",
				Map.of("address", address));
	}

	static ProtectException countryNotAllowed(String country) {
		String where = (country != null) ? "from " + country : "from an unknown country";
		return new ProtectException(HttpStatus.FORBIDDEN, "country-not-allowed", "Country not allowed",
				"This resource may not be used " + where + "; ask its owner to allow your country.");
	}

	/** A client refused by a ban or a deny rule, whatever credentials it sends. */
	public static ProtectException addressBanned(String address, Duration retryAfter) {
		String when = (retryAfter != null) ? "; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes"
				: "; ask an administrator to lift it";
		return new ProtectException(
				HttpStatus.FORBIDDEN, "address-banned", "Address banned", "Your address " + address
						+ " is blocked after too many failed attempts or by an administrator" + when + ".",
				Map.of("address", address));
	}

	static ProtectException invalid(String detail) {
		return new ProtectException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
	}

	static ProtectException conflict(String detail) {
		return new ProtectException(HttpStatus.CONFLICT, "address-rule-exists", "Rule exists", detail);
	}

	static ProtectException notFound(String what) {
		return new ProtectException(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no " + what + ".");
	}

}
