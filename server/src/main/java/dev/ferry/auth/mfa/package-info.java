/**
 * Two-factor authentication: TOTP, recovery codes and the 2FA policy; plugs into sign-in
 * as a {@link dev.ferry.auth.session.SecondFactor}.
 */
@ApplicationModule(displayName = "Auth: second factors",
		allowedDependencies = { "audit", "auth", "auth.passkey", "auth.session", "crypto", "notify" })
package dev.ferry.auth.mfa;

import org.springframework.modulith.ApplicationModule;
