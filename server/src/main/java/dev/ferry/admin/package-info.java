/**
 * Administration across modules: key rotation, statistics. The module's table in
 * docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Administration across modules",
		allowedDependencies = { "audit", "auth", "crypto", "files", "share" })
package dev.ferry.admin;

import org.springframework.modulith.ApplicationModule;
