package dev.ferry;

import java.util.Map;
import java.util.Set;

/**
 * Which application module owns each table: only the owner's code may name it in SQL.
 * Other modules go through the owner's API. Every table of the schema must be listed here
 * ({@link ModularityTests} fails on a new table without an owner).
 */
final class TableOwners {

	static final Map<String, String> OWNERS = Map.ofEntries(
			// auth (users) and its nested modules
			Map.entry("users", "auth"), Map.entry("sessions", "auth.session"),
			Map.entry("refresh_tokens", "auth.session"), Map.entry("api_keys", "auth.apikey"),
			Map.entry("oauth_apps", "auth.oauth"), Map.entry("oauth_grants", "auth.oauth"),
			Map.entry("oauth_tokens", "auth.oauth"), Map.entry("invitations", "auth.account"),
			Map.entry("setup_tokens", "auth.account"), Map.entry("password_resets", "auth.password"),
			Map.entry("password_history", "auth.password"), Map.entry("known_devices", "auth.session"),
			Map.entry("security_settings", "auth.mfa"), Map.entry("mfa_challenges", "auth.session"),
			Map.entry("totp_credentials", "auth.mfa"), Map.entry("recovery_codes", "auth.mfa"),
			Map.entry("passkeys", "auth.passkey"), Map.entry("webauthn_challenges", "auth.passkey"),
			Map.entry("oidc_logins", "auth.oidc"), Map.entry("sso_sessions", "auth.oidc"),
			Map.entry("user_identities", "auth.oidc"), Map.entry("directory_accounts", "auth.ldap"),
			Map.entry("download_tickets", "auth.ticket"), Map.entry("device_authorizations", "auth.device"),
			Map.entry("saml_requests", "auth.saml"), Map.entry("saml_assertions", "auth.saml"),
			Map.entry("saml_sp_keys", "auth.saml"), Map.entry("saml_sessions", "auth.saml"),
			// audit, crypto, notify, storage, files, upload
			Map.entry("audit_log", "audit"), Map.entry("audit_head", "audit"), Map.entry("server_secrets", "crypto"),
			Map.entry("mail_outbox", "notify"), Map.entry("blobs", "storage"), Map.entry("blob_parts", "storage"),
			Map.entry("blob_dedup", "storage"), Map.entry("files", "files"), Map.entry("quota_reservations", "files"),
			Map.entry("quota_locks", "files"), Map.entry("upload_policy", "files"), Map.entry("uploads", "upload"),
			// files: versions (i16a)
			Map.entry("file_versions", "files"), Map.entry("file_version_settings", "files"),
			Map.entry("file_version_pins", "files"), Map.entry("trashed_files", "files"),
			Map.entry("file_jobs", "files"), Map.entry("file_tags", "files"), Map.entry("file_zip_sets", "files"),
			// share's nested modules
			Map.entry("transfers", "share.transfer"), Map.entry("transfer_files", "share.transfer"),
			Map.entry("transfer_recipients", "share.transfer"), Map.entry("e2e_transfers", "share.transfer"),
			Map.entry("age_keys", "share.transfer"), Map.entry("share_links", "share.link"),
			Map.entry("share_link_devices", "share.link"), Map.entry("captcha_spent", "share.link"),
			Map.entry("share_sessions", "share.link"), Map.entry("share_downloads", "share.link"),
			Map.entry("share_download_claims", "share.link"), Map.entry("email_codes", "share.link"),
			Map.entry("upload_requests", "share.request"), Map.entry("upload_request_uploads", "share.request"),
			Map.entry("access_grants", "share.grant"), Map.entry("user_groups", "share.grant"),
			Map.entry("group_members", "share.grant"),
			// integrations
			Map.entry("ssh_keys", "sftp"), Map.entry("webhooks", "webhook"), Map.entry("webhook_deliveries", "webhook"),
			// protection: bans, permanent address rules, alerts
			Map.entry("defender_bans", "protect"), Map.entry("address_rules", "protect"),
			Map.entry("account_access_rules", "protect"), Map.entry("alerts", "protect"),
			// SCIM provisioning
			Map.entry("scim_users", "scim"), Map.entry("scim_groups", "scim"), Map.entry("scim_status", "scim"),
			// background jobs
			Map.entry("scheduled_tasks", "jobs"),
			// compliance: erasure's audit commitments, personal data exports
			Map.entry("audit_chain_format", "audit"), Map.entry("audit_redactions", "audit"),
			Map.entry("gdpr_exports", "gdpr"), Map.entry("audit_checkpoints", "audit"),
			Map.entry("retention_policies", "retention"),
			// previews, watermarks, comments (issue 16)
			Map.entry("previews", "preview"), Map.entry("comments", "share.comment"),
			Map.entry("file_pii_flags", "files"), Map.entry("pii_scans", "pii"), Map.entry("folders", "files"),
			Map.entry("share_link_watermarks", "share.link"), Map.entry("share_link_previews", "share.link"));

	/**
	 * Known reads of another module's tables, each with its reason. The test fails on any
	 * read not listed here, and on an entry that no longer happens, so the list only
	 * shrinks. Empty: the admin dashboard now asks each owner's read API.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.of();

	private TableOwners() {
	}

}
