/**
 * Protection: access rules (IP allow-lists, countries) that other modules attach to their
 * objects and ask {@link dev.ferry.protect.AccessGuard} to enforce, GeoIP lookups, the
 * defender that bans addresses scoring too many failures, the administrators' permanent
 * address rules, and alerts. Other modules see {@code AccessRules}, {@code AccessGuard},
 * {@code Defender} and {@code ProtectException}.
 */
@ApplicationModule(displayName = "Protection", allowedDependencies = { "audit", "auth", "limits", "notify" })
package dev.ferry.protect;

import org.springframework.modulith.ApplicationModule;
