package dev.ferry.gdpr;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.storage.BlobStorage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests and downloads of personal data exports. A request is a row; the worker does
 * the rest. The download takes the mailed token as its credential (an account's session
 * is not needed, as with a password-reset link), compared by its SHA-256.
 */
@Service
class GdprExports {

	static final String DOWNLOAD = "/api/v1/exports/";

	private final ExportRepository exports;

	private final BlobStorage storage;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final Clock clock;

	private final Accounts accounts;

	GdprExports(ExportRepository exports, BlobStorage storage, AuditLog audit, AccessPolicy access, Clock clock,
			Accounts accounts) {
		this.accounts = accounts;
		this.exports = exports;
		this.access = access;
		this.storage = storage;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records a request, or answers the one already waiting: one build at a time. */
	@Transactional(noRollbackFor = AuthException.class)
	ExportView request(CurrentUser caller) {
		access.requireOwnRead(caller, "gdpr.export_request");
		ExportRequest open = exports.open(caller.userId()).orElse(null);
		if (open != null) {
			audit.record(AuditEvent.success("gdpr.export_request")
				.object("gdpr_export", open.id())
				.detail("already_requested", true));
			return ExportView.of(open);
		}
		UUID id = UUID.randomUUID();
		exports.insert(id, caller.userId(), clock.instant());
		audit.record(AuditEvent.success("gdpr.export_request").object("gdpr_export", id));
		return ExportView.of(exports.open(caller.userId()).orElseThrow());
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<ExportView> list(CurrentUser caller) {
		access.requireOwnRead(caller, "gdpr.export_list");
		audit.record(AuditEvent.success("gdpr.export_list"));
		return exports.ofUser(caller.userId()).stream().map(ExportView::of).toList();
	}

	/**
	 * The ready export the token opens; a wrong or expired token is a 404, and so is the
	 * link of an account suspended since: its files are no longer its holder's to take.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	Download open(String token) {
		ExportRequest export = exports.readyByToken(SecureTokens.hash(token), clock.instant()).orElse(null);
		String refusal = (export == null) ? "unknown_or_expired"
				: accounts.find(export.userId()).filter(User::isActive).isEmpty() ? "account_inactive" : null;
		if (refusal != null) {
			AuditEvent denied = AuditEvent.denied("gdpr.export_download").detail("reason", refusal);
			audit.record((export != null) ? denied.object("gdpr_export", export.id()) : denied);
			throw new ProblemException(HttpStatus.NOT_FOUND, "export-not-found", "Export not found",
					"The export link is unknown or has expired. Request a new export.");
		}
		audit.record(AuditEvent.success("gdpr.export_download")
			.object("gdpr_export", export.id())
			.detail("user", export.userId().toString()));
		return new Download(export.size(), storage.openRange(export.blobId(), 0, export.size()));
	}

	record Download(long size, InputStream body) {
	}

	/** An export as its owner sees it; times are null until they happen. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ExportView(String id, String status, Instant requestedAt, Instant finishedAt, Long size, Instant expiresAt) {

		static ExportView of(ExportRequest request) {
			return new ExportView(request.id().toString(), request.status().dbName(), request.requestedAt(),
					request.finishedAt(), request.size(), request.expiresAt());
		}

	}

}
