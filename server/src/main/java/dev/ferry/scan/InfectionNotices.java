package dev.ferry.scan;

import java.util.Map;

import dev.ferry.auth.Accounts;
import dev.ferry.files.FileScans.ScanJob;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/**
 * Tells a file's owner by mail that the scanner quarantined it. Administrators see the
 * same event as {@code file.infected} in the audit trail.
 */
@Component
class InfectionNotices {

	private final Accounts accounts;

	private final Mailer mailer;

	InfectionNotices(Accounts accounts, Mailer mailer) {
		this.accounts = accounts;
		this.mailer = mailer;
	}

	void infected(ScanJob job, String signature) {
		accounts.find(job.ownerId())
			.ifPresent((owner) -> mailer.send(owner.email(), "file-infected",
					Map.of("email", owner.email(), "path", job.path(), "signature", signature)));
	}

}
