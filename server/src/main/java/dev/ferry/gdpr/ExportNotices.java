package dev.ferry.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.User;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/** What the worker says about an export: the audit record and the owner's mail. */
@Component
class ExportNotices {

	private final AuditLog audit;

	private final Mailer mailer;

	private final PublicUrl urls;

	private final GdprProperties properties;

	ExportNotices(AuditLog audit, Mailer mailer, PublicUrl urls, GdprProperties properties) {
		this.audit = audit;
		this.mailer = mailer;
		this.urls = urls;
		this.properties = properties;
	}

	Duration validity() {
		return properties.exportValidity();
	}

	void audit(AuditEvent event, User user, UUID exportId) {
		audit.record(event.object("gdpr_export", exportId).by(user.auditActor()));
	}

	void mailReady(User user, String token, Instant expires) {
		mailer.send(user.email(), "gdpr-export-ready", Map.of("link", urls.resolve(GdprExports.DOWNLOAD + token),
				"expires", expires.toString(), "email", user.email()));
	}

}
