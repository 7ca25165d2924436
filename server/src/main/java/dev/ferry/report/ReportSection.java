package dev.ferry.report;

import java.util.Set;

/**
 * The report's sections and the audit actions each counts. Every section but
 * {@link #FAILED_ACCESS} counts successful records; failed access counts every record
 * whose outcome is {@code failure} or {@code denied}, whatever the action. The full
 * per-action table follows the sections, so nothing the rule leaves out is hidden.
 */
enum ReportSection {

	ACCESSES("Accesses",
			Set.of("auth.login", "auth.sso_login", "auth.passkey_login", "file.download", "file.read", "grant.download",
					"transfer.read", "download_ticket.redeem")),

	SHARES_CREATED("Shares created",
			Set.of("share.created", "transfer.created", "grant.created", "upload_request.created")),

	SHARES_USED("Shares used",
			Set.of("share.view", "share.unlock", "share.download", "share.download_completed", "upload_request.view",
					"upload_request.upload", "upload_request.file_received")),

	DELETIONS("Deletions", Set.of("file.deleted", "file.purged", "transfer.purged", "transfer.revoked", "share.revoked",
			"grant.deleted", "upload_request.revoked", "admin.user_delete", "account.erase", "audit.prune",
			"group.deleted", "webhook.deleted", "file.version.pruned", "transfer.deleted", "share.downloads_pruned")),

	FAILED_ACCESS("Failed access", Set.of()),

	ALERTS("Alerts", Set.of("alert.raised", "defender.banned", "file.infected")),

	POLICY_CHANGES("Policy changes",
			Set.of("admin.security_policy_update", "upload_policy.updated", "retention.policy_update",
					"address_rule.created", "address_rule.deleted", "file.restricted", "admin.user_update"));

	private final String title;

	private final Set<String> actions;

	ReportSection(String title, Set<String> actions) {
		this.title = title;
		this.actions = actions;
	}

	String title() {
		return title;
	}

	boolean counts(String action, String outcome) {
		boolean failed = "failure".equals(outcome) || "denied".equals(outcome);
		return (this == FAILED_ACCESS) ? failed : !failed && actions.contains(action);
	}

}
