package dev.ferry.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Download tickets let a browser download natively (a plain navigation its download
 * manager streams to disk and can resume) where the API wants an Authorization or
 * share-session header. The nested module {@code auth.ticket} implements them; this
 * interface is what other modules call, since Spring Modulith lets them reach only the
 * parent's API (docs/security.md, Download tickets).
 */
public interface DownloadTickets {

	/** The query parameter that carries a ticket. */
	String PARAMETER = "ticket";

	/** Who a ticket acts for. */
	enum Holder {

		SESSION, SHARE_SESSION

	}

	/** A new ticket's same-origin URL and when it stops being able to start. */
	record Issued(String url, Instant expiresAt) {
	}

	/** A ticket accepted for one request; {@code first} when this request spent it. */
	record Redeemed(UUID id, Holder holder, UUID holderId, boolean first) {
	}

	/** The bytes {@code [start, end)} one response body under a ticket took. */
	record Span(UUID ticketId, long start, long end) {
	}

	/**
	 * Whether a request presents a ticket to an account download endpoint: only GET and
	 * HEAD there; anywhere else a ticket is no credential at all.
	 */
	boolean presented(HttpServletRequest request);

	/** A ticket for a share session to one of its link's download paths. */
	Issued issueForShare(UUID shareSessionId, String path);

	/**
	 * The ticket a request presents, if it is {@code holder}'s and may be used for this
	 * very request now; refusals are audited and thrown as
	 * {@link DownloadTicketException}.
	 */
	Redeemed redeem(String ticket, Holder holder, HttpServletRequest request);

	/**
	 * Takes the bytes a response body is about to serve under the ticket the request
	 * presented: refused (and audited) when any of them was served under it before. Bytes
	 * count as served once handed to the connection; ones lost in flight when a
	 * connection broke need a new ticket. Null when the request carries no ticket.
	 */
	Span bodyStarts(HttpServletRequest request, long start, long endExclusive);

	/**
	 * The body ended after {@code served} bytes: what it took but did not send may still
	 * be resumed.
	 */
	void bodyEnded(Span span, long served);

	/** Deletes tickets that can no longer be used; how many. */
	int deleteUnusable(Instant now);

}
