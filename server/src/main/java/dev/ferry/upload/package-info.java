/**
 * Resumable uploads: tus 1.0 and the IETF draft. The module's table in
 * docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Resumable uploads",
		allowedDependencies = { "audit", "auth", "files", "jobs", "storage" })
package dev.ferry.upload;

import org.springframework.modulith.ApplicationModule;
