/**
 * Device sign-in after RFC 8628: a client without a browser (the {@code ferry} CLI) asks
 * for a device code and a short user code, the user enters the code in a browser where
 * they are signed in (any way: password, passkey, single sign-on) and approves, and the
 * client's polling receives a session through {@code auth.session}'s
 * {@link dev.ferry.auth.session.SessionService}, narrowed to the scopes it asked for.
 */
@ApplicationModule(displayName = "Auth: device sign-in",
		allowedDependencies = { "audit", "auth", "auth.session", "crypto", "limits" })
package dev.ferry.auth.device;

import org.springframework.modulith.ApplicationModule;
