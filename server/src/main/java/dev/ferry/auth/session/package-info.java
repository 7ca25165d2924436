/**
 * Sessions: sign-in, access and refresh tokens, cookies, known devices, idle and absolute
 * lifetimes, sign-in tickets for a second factor, credential guessing limits. Sign-in
 * methods and second factors plug in through
 * {@link dev.ferry.auth.session.PasswordSignIn},
 * {@link dev.ferry.auth.session.SecondFactor},
 * {@link dev.ferry.auth.session.TwoFactorRequirement},
 * {@link dev.ferry.auth.session.KeyAuthentication},
 * {@link dev.ferry.auth.session.ProviderSignOut} and
 * {@link dev.ferry.auth.session.ExpiringRecords}, so this module depends on none of them.
 */
@ApplicationModule(displayName = "Auth: sessions",
		allowedDependencies = { "audit", "auth", "crypto", "jobs", "limits", "notify" })
package dev.ferry.auth.session;

import org.springframework.modulith.ApplicationModule;
