/**
 * Passwords: the password policy, history, changes and resets, and password sign-in
 * (implements {@link dev.ferry.auth.session.PasswordSignIn}).
 */
@ApplicationModule(displayName = "Auth: passwords",
		allowedDependencies = { "audit", "auth", "auth.session", "crypto", "notify" })
package dev.ferry.auth.password;

import org.springframework.modulith.ApplicationModule;
