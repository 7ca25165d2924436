/**
 * Blob storage: encrypted blobs on a local directory or S3. The module's table in
 * docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Blob storage", allowedDependencies = { "crypto", "jobs" })
package dev.ferry.storage;

import org.springframework.modulith.ApplicationModule;
