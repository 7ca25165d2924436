/**
 * Accounts: invitations, registration, first-run setup and the admin user API.
 */
@ApplicationModule(displayName = "Auth: accounts")
package dev.ferry.auth.account;

import org.springframework.modulith.ApplicationModule;
