/**
 * Retention: per-category age limits ({@code retention_policies}), the admin API to read
 * and change them, a dry run that lists what the next run removes, and the job that
 * removes it. Files are purged through the files module (crypto-shredded), audit records
 * through the audit module (exported and anchored by a signed checkpoint first).
 */
@ApplicationModule(displayName = "Retention")
package dev.ferry.retention;

import org.springframework.modulith.ApplicationModule;
