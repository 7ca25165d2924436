/**
 * Files: metadata, uploads, listing, downloads, quotas, versions, trash. The module's
 * table in docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Files", allowedDependencies = { "audit", "auth", "jobs", "protect", "storage" })
package dev.ferry.files;

import org.springframework.modulith.ApplicationModule;
