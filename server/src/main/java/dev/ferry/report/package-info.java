/**
 * Compliance reports: for a period, what the audit trail says about accesses, shares
 * created and used, deletions, failed access, alerts and policy changes, with the result
 * of verifying the chain; as CSV or as a PDF drawn with PDFBox.
 */
@ApplicationModule(displayName = "Compliance reports", allowedDependencies = { "audit", "auth" })
package dev.ferry.report;

import org.springframework.modulith.ApplicationModule;
