package dev.ferry;

import java.util.regex.Pattern;

/**
 * A download route that accepts a download ticket in its query (docs/security.md,
 * Download tickets). The module that owns the route declares it as a bean, so the module
 * that issues and redeems tickets names no other module's paths. It lives here, beside
 * {@link ProblemException}, because the audit module, which owns one such route, sits
 * below the auth module.
 *
 * @param path the whole request path the route answers
 * @param account whether a ticket there stands in for an account's sign-in session
 * (otherwise for a share visitor's session, which the share module checks itself)
 * @param resumable whether the route honours Range, so a ranged request may resume under
 * a ticket already spent
 */
public record TicketRoute(Pattern path, boolean account, boolean resumable) {

	/** A route where a ticket acts for a signed-in account. */
	public static TicketRoute account(String pathRegex, boolean resumable) {
		return new TicketRoute(Pattern.compile(pathRegex), true, resumable);
	}

	/** A route where a ticket acts for a share visitor's session. */
	public static TicketRoute shareSession(String pathRegex, boolean resumable) {
		return new TicketRoute(Pattern.compile(pathRegex), false, resumable);
	}

	public boolean matches(String requestPath) {
		return this.path.matcher(requestPath).matches();
	}

}
