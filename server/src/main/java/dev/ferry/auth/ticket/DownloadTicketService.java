package dev.ferry.auth.ticket;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ferry.TicketRoute;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.DownloadTicketException;
import dev.ferry.auth.DownloadTickets;
import dev.ferry.crypto.SecureTokens;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Download tickets let a browser download natively (a plain navigation its download
 * manager streams to disk and can resume) where the API wants an Authorization or
 * share-session header. A ticket is 256 random bits, stored as SHA-256 only, bound to its
 * holder (a sign-in session or an unlocked share session) and to one resource (path and
 * query). It must start its download within {@code ttl}; once started it is spent, except
 * for HEAD and for ranged requests to the same file within {@code resumeWindow}, which is
 * what a download manager sends to resume. A resume must start at or after every byte
 * already served under the ticket (its high-water mark, {@code served_to}), so a spent
 * ticket can fetch what is missing but never the file again. The holder is checked on
 * every use, so signing out or revoking a session stops its tickets too.
 */
@Service
class DownloadTicketService implements DownloadTickets {

	static final String PREFIX = "fdt_";

	private static final String REDEEMED = DownloadTicketService.class.getName() + ".redeemed";

	private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/_.-]*");

	private final DownloadTicketRepository tickets;

	private final DownloadTicketProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final List<TicketRoute> routes;

	/**
	 * {@code routes} are the download routes that accept tickets, each declared by the
	 * module that owns it.
	 */
	DownloadTicketService(DownloadTicketRepository tickets, DownloadTicketProperties properties, AuditLog audit,
			Clock clock, List<TicketRoute> routes) {
		this.routes = List.copyOf(routes);
		this.tickets = tickets;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public boolean presented(HttpServletRequest request) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return read && request.getParameter(PARAMETER) != null && accountRoute(request.getRequestURI());
	}

	@Override
	public Issued issueForShare(UUID shareSessionId, String path) {
		return issue(Holder.SHARE_SESSION, shareSessionId, path, Map.of(), "share");
	}

	Issued issueForAccount(CurrentUser user, String pathAndQuery) {
		if (user.sessionId() == null) {
			throw AuthException.forbidden(
					"Download tickets are for sign-in sessions: an API key sends its Authorization header itself.");
		}
		int query = pathAndQuery.indexOf('?');
		String path = (query < 0) ? pathAndQuery : pathAndQuery.substring(0, query);
		if (!accountRoute(path)) {
			throw new AuthException(HttpStatus.BAD_REQUEST, "invalid-download-path", "Not a download",
					"Tickets are issued for file downloads and audit exports only.");
		}
		Map<String, List<String>> parameters = (query < 0) ? Map.of() : parse(pathAndQuery.substring(query + 1));
		return issue(Holder.SESSION, user.sessionId(), path, parameters, path);
	}

	private Issued issue(Holder holder, UUID holderId, String path, Map<String, List<String>> parameters,
			String resource) {
		if (!PLAIN_PATH.matcher(path).matches() || parameters.containsKey(PARAMETER)) {
			throw new AuthException(HttpStatus.BAD_REQUEST, "invalid-download-path", "Not a download",
					"This path cannot carry a download ticket.");
		}
		String ticket = SecureTokens.generate(PREFIX);
		String canonical = canonical(path, parameters);
		Instant now = clock.instant();
		Instant expires = now.plus(properties.ttl());
		UUID id = tickets.insert(SecureTokens.hash(ticket), holder, holderId, SecureTokens.hash(canonical), now,
				expires);
		audit.record(AuditEvent.success("download_ticket.issue")
			.object("download_ticket", id)
			.detail("holder", holder.name().toLowerCase(Locale.ROOT))
			.detail("resource", resource));
		String separator = canonical.contains("?") ? "&" : "?";
		return new Issued(canonical + separator + PARAMETER + "=" + ticket, expires);
	}

	@Override
	public Redeemed redeem(String ticket, Holder holder, HttpServletRequest request) {
		DownloadTicketRepository.Ticket found = (ticket != null && ticket.startsWith(PREFIX))
				? tickets.findByHash(SecureTokens.hash(ticket)).filter((t) -> t.holder() == holder).orElse(null) : null;
		if (found == null) {
			throw refuse(null, "unknown");
		}
		if (!found.resourceHash().equals(SecureTokens.hash(canonical(request)))) {
			throw refuse(found.id(), "mismatch");
		}
		Instant now = clock.instant();
		boolean head = "HEAD".equals(request.getMethod());
		boolean resume = head || (request.getHeader(HttpHeaders.RANGE) != null && resumable(request.getRequestURI()));
		boolean first = false;
		if (found.firstUsedAt() == null && !head) {
			if (!now.isBefore(found.expiresAt())) {
				throw refuse(found.id(), "expired");
			}
			first = tickets.markUsed(found.id(), now, now.plus(properties.resumeWindow()));
			if (!first && !resume) {
				throw refuse(found.id(), "used");
			}
		}
		else if (!now.isBefore(found.usableUntil())) {
			throw refuse(found.id(), "expired");
		}
		else if (found.firstUsedAt() != null && !resume) {
			throw refuse(found.id(), "used");
		}
		audit.record(AuditEvent.success("download_ticket.redeem")
			.object("download_ticket", found.id())
			.detail("first", first)
			.detail("range", request.getHeader(HttpHeaders.RANGE)));
		Redeemed redeemed = new Redeemed(found.id(), holder, found.holderId(), first);
		request.setAttribute(REDEEMED, redeemed);
		return redeemed;
	}

	@Override
	public Span bodyStarts(HttpServletRequest request, long start, long endExclusive) {
		if (!(request.getAttribute(REDEEMED) instanceof Redeemed redeemed)) {
			return null;
		}
		if (!tickets.take(redeemed.id(), start, endExclusive)) {
			throw refuse(redeemed.id(), "already_served");
		}
		return new Span(redeemed.id(), start, endExclusive);
	}

	@Override
	public void bodyEnded(Span span, long served) {
		if (span != null && span.start() + served < span.end()) {
			tickets.giveBack(span.ticketId(), span.end(), span.start() + served);
		}
	}

	private boolean accountRoute(String path) {
		return this.routes.stream().anyMatch((route) -> route.account() && route.matches(path));
	}

	/** Only single files honour Range; a ZIP or an audit export cannot be resumed. */
	private boolean resumable(String path) {
		return this.routes.stream().anyMatch((route) -> route.resumable() && route.matches(path));
	}

	@Override
	public int deleteUnusable(Instant now) {
		return tickets.deleteUnusableBefore(now);
	}

	private DownloadTicketException refuse(UUID id, String reason) {
		audit.record(
				AuditEvent.failure("download_ticket.redeem").object("download_ticket", id).detail("reason", reason));
		return new DownloadTicketException(reason);
	}

	/**
	 * Path plus sorted, form-encoded parameters without the ticket: the same string
	 * whether built from what the client asked a ticket for or from the request that
	 * presents it.
	 */
	private static String canonical(HttpServletRequest request) {
		Map<String, List<String>> parameters = new TreeMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, new ArrayList<>(List.of(values))));
		parameters.remove(PARAMETER);
		return canonical(request.getRequestURI(), parameters);
	}

	private static String canonical(String path, Map<String, List<String>> parameters) {
		List<String> pairs = new ArrayList<>();
		parameters.forEach((name, values) -> values.forEach((value) -> pairs.add(encode(name) + "=" + encode(value))));
		pairs.sort(null);
		return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
	}

	private static Map<String, List<String>> parse(String query) {
		Map<String, List<String>> parameters = new TreeMap<>();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		return parameters;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new AuthException(HttpStatus.BAD_REQUEST, "invalid-download-path", "Not a download",
					"The query string is not validly encoded.");
		}
	}

}
