/**
 * API keys: creating, listing and revoking them, and authenticating requests that carry
 * one.
 */
@ApplicationModule(displayName = "Auth: API keys", allowedDependencies = { "audit", "auth", "auth.session", "crypto" })
package dev.ferry.auth.apikey;

import org.springframework.modulith.ApplicationModule;
