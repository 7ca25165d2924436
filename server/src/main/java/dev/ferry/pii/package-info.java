/**
 * PII detection: uploaded text, CSV and PDF text is scanned in the background for email
 * addresses, phone numbers, payment card numbers, IBANs and national ids; the kinds found
 * (never the values) become the file's {@code pii_flags}, and an administrator's policy
 * can refuse public share links to flagged files.
 */
@ApplicationModule(displayName = "PII detection", allowedDependencies = { "audit", "files", "jobs", "upload" })
package dev.ferry.pii;

import org.springframework.modulith.ApplicationModule;
