/**
 * Retention: per-category age limits ({@code retention_policies}), the admin API to read
 * and change them, a dry run that lists what the next run removes, and the job that
 * removes it. Files, older versions and trashed files are removed through the files
 * module (crypto-shredded), ended transfers and the download log through share, audit
 * records through the audit module (exported and anchored by a signed checkpoint first).
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = { "audit", "auth", "files", "jobs", "share" })
package dev.ferry.retention;

import org.springframework.modulith.ApplicationModule;
