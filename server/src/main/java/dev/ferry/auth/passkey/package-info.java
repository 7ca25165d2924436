/**
 * Passkeys (WebAuthn): registration, password-less sign-in, and passkeys as a second
 * factor ({@link dev.ferry.auth.passkey.PasskeyFactor}).
 */
@ApplicationModule(displayName = "Auth: passkeys",
		allowedDependencies = { "audit", "auth", "auth.session", "crypto", "limits" })
package dev.ferry.auth.passkey;

import org.springframework.modulith.ApplicationModule;
