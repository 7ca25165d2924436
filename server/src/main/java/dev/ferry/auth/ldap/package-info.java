/**
 * Password sign-in against an LDAP directory or Active Directory: the user's entry
 * searched with a service account, a bind as that entry with the password, groups mapped
 * to a Ferry role, accounts provisioned on first sign-in ({@code directory_accounts}).
 * Implements {@link dev.ferry.auth.session.DirectoryPasswords}.
 */
@ApplicationModule(displayName = "Auth: LDAP directory", allowedDependencies = { "audit", "auth", "auth.session" })
package dev.ferry.auth.ldap;

import org.springframework.modulith.ApplicationModule;
