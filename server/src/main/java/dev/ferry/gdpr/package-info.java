/**
 * Personal data exports (GDPR Art. 15 and 20): {@code POST /api/v1/me/export} records a
 * request that survives restarts; a background worker builds the ZIP (every module's
 * {@link dev.ferry.auth.PersonalData}, the audit records about the person, the file list
 * and the files, all streamed) into an encrypted blob and mails a link that works for a
 * few days. Erasure itself lives in the modules that own the data (auth.account, files,
 * audit); this module only destroys its own exports then.
 */
@ApplicationModule(displayName = "GDPR: data exports",
		allowedDependencies = { "audit", "auth", "crypto", "files", "jobs", "notify", "storage" })
package dev.ferry.gdpr;

import org.springframework.modulith.ApplicationModule;
