/**
 * Accounts: invitations, registration, first-run setup and the admin user API.
 */
@ApplicationModule(displayName = "Auth: accounts", allowedDependencies = { "audit", "auth", "auth.password",
		"auth.session", "crypto", "i18n", "limits", "notify" })
package dev.ferry.auth.account;

import org.springframework.modulith.ApplicationModule;
