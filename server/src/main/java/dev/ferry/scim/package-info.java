/**
 * SCIM 2.0 provisioning (RFC 7643/7644) at {@code /scim/v2}: identity providers such as
 * Entra ID and Okta create, update, suspend and deprovision accounts and manage groups,
 * authenticated by an API key with the {@code scim} scope. Accounts and groups stay owned
 * by auth and share.grant; this module keeps only the provider's ids for them
 * ({@code scim_users}, {@code scim_groups}) and its status ({@code scim_status}), and
 * answers errors SCIM-shaped rather than as problem+json.
 */
@ApplicationModule(displayName = "SCIM provisioning", allowedDependencies = { "audit", "auth", "share" })
package dev.ferry.scim;

import org.springframework.modulith.ApplicationModule;
