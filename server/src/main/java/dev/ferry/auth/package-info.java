/**
 * Authentication and accounts. This package is the small public API other modules use:
 * {@link dev.ferry.auth.CurrentUser}, {@link dev.ferry.auth.Role},
 * {@link dev.ferry.auth.Scope}, users ({@link dev.ferry.auth.User},
 * {@link dev.ferry.auth.Accounts}) and {@link dev.ferry.auth.AccessPolicy}; accounts'
 * network rules are asked through {@link dev.ferry.auth.AccountNetworkRules}, which the
 * protection module implements. The rest is split into nested modules, each with its own
 * controllers, repositories and tables: {@code session}, {@code account},
 * {@code password}, {@code mfa}, {@code passkey}, {@code oidc}, {@code apikey} and
 * {@code ticket}.
 */
@ApplicationModule(allowedDependencies = { "audit", "i18n", "limits", "notify" })
package dev.ferry.auth;

import org.springframework.modulith.ApplicationModule;
