package dev.ferry.auth;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** A download ticket that cannot be used (here, now, or for this request). */
public class DownloadTicketException extends ProblemException {

	private final String reason;

	public DownloadTicketException(String reason) {
		super(HttpStatus.UNAUTHORIZED, "download-ticket-invalid", "Download link expired",
				"This download link is invalid, expired or already used: start the download again.");
		this.reason = reason;
	}

	/** Why it was refused, for the audit trail: unknown, expired, used or mismatch. */
	public String reason() {
		return reason;
	}

}
