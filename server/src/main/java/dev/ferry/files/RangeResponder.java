package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferry.auth.DownloadTickets;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.StorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * GET/HEAD of a file's content with single byte ranges, conditionals and resumable
 * downloads ({@code curl -C -}), for every channel that serves files. Bytes stream from
 * the blob store through {@link ReadAheadCopy}, which decrypts ahead of the socket write.
 * Several ranges in one request are answered with the whole file (200): RFC 9110 lets a
 * server ignore Range, and multipart/byteranges buys nothing for resuming clients.
 */
@Component
class RangeResponder {

	private final BlobStorage storage;

	private final MeterRegistry meters;

	private final DownloadTickets tickets;

	private final FileAvailability availability;

	private final ReadAheadCopy copier;

	RangeResponder(BlobStorage storage, MeterRegistry meters, DownloadTickets tickets, FileAvailability availability,
			ReadAheadCopy copier) {
		this.storage = storage;
		this.meters = meters;
		this.tickets = tickets;
		this.availability = availability;
		this.copier = copier;
	}

	/**
	 * {@code channel} "api" is the owner's own download; every other is someone else's.
	 */
	void respond(FileRecord file, String channel, HttpServletRequest request, HttpServletResponse response,
			DownloadHooks hooks) {
		availability.require(file, "api".equals(channel), "file.download");
		String etag = DownloadHeaders.etag(file);
		Instant lastModified = DownloadHeaders.lastModified(file);
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.LAST_MODIFIED, DownloadHeaders.httpDate(lastModified));
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
		if (notModified(request, etag, lastModified)) {
			hooks.withoutBody(Bodiless.NOT_MODIFIED);
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		ByteRange range = range(file, request, etag, lastModified, hooks);
		if ("HEAD".equals(request.getMethod())) {
			hooks.withoutBody(Bodiless.HEAD);
			writeHeaders(file, range, response);
			return;
		}
		DownloadTickets.Span ticket = tickets.bodyStarts(request, range.start(), range.endExclusive());
		try {
			hooks.beforeBody(range.start(), range.endExclusive(), range.partial());
		}
		catch (RuntimeException ex) {
			tickets.bodyEnded(ticket, 0);
			throw ex;
		}
		writeHeaders(file, range, response);
		if (request.getProtocol().startsWith("HTTP/1")) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		stream(file, range, channel, response, new TicketHooks(hooks, ticket));
	}

	/**
	 * Tells the ticket a body was served under how far it got, before the caller's hooks.
	 */
	private final class TicketHooks implements DownloadHooks {

		private final DownloadHooks hooks;

		private final DownloadTickets.Span ticket;

		TicketHooks(DownloadHooks hooks, DownloadTickets.Span ticket) {
			this.hooks = hooks;
			this.ticket = ticket;
		}

		@Override
		public void afterBody(long bytesServed, boolean completed) {
			tickets.bodyEnded(ticket, bytesServed);
			hooks.afterBody(bytesServed, completed);
		}

	}

	private static ByteRange range(FileRecord file, HttpServletRequest request, String etag, Instant lastModified,
			DownloadHooks hooks) {
		if (!DownloadHeaders.ifRangeHolds(request.getHeader(HttpHeaders.IF_RANGE), etag, lastModified)) {
			return ByteRange.full(file.size());
		}
		try {
			return ByteRange.parse(request.getHeader(HttpHeaders.RANGE), file.size());
		}
		catch (FileException unsatisfiable) {
			hooks.withoutBody(Bodiless.RANGE_NOT_SATISFIABLE);
			throw unsatisfiable;
		}
	}

	private static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
		String noneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (noneMatch != null) {
			return DownloadHeaders.noneMatchHits(noneMatch, etag);
		}
		return DownloadHeaders.notModifiedSince(request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), lastModified);
	}

	/**
	 * The detected type is sent as is, but always as an attachment, with nosniff and a
	 * sandboxing CSP, so HTML or SVG never renders as a page of our origin.
	 */
	private static void writeHeaders(FileRecord file, ByteRange range, HttpServletResponse response) {
		response.setStatus(range.partial() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
		if (range.partial()) {
			response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(file.size()));
		}
		response.setContentType(file.contentType());
		response.setContentLengthLong(range.length());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(file.name()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
	}

	/**
	 * A failure after the first byte (client gone, file deleted meanwhile) cannot become
	 * a problem response any more; the hooks hear of it as an incomplete download. Bodies
	 * go out with {@code Connection: close}: the servlet API has no way to abort a
	 * committed response, and on a kept-alive connection the client would wait for the
	 * missing bytes until the idle timeout, while a closed one turns the short body into
	 * an immediate error. One handshake per download is cheap next to its body. HTTP/2
	 * has no Connection header (clients reset a stream that carries one) and ends a short
	 * body with a stream reset of its own.
	 */
	private void stream(FileRecord file, ByteRange range, String channel, HttpServletResponse response,
			DownloadHooks hooks) {
		Counter bytesOut = Counter.builder("ferry.bytes.out")
			.baseUnit("bytes")
			.description("Bytes sent in downloads")
			.tag("channel", channel)
			.register(meters);
		AtomicLong served = new AtomicLong();
		boolean completed = false;
		try (InputStream in = storage.openRange(file.blobId(), range.start(), range.endExclusive())) {
			OutputStream out = response.getOutputStream();
			copier.copy(in, out, range.length(), (n) -> {
				served.addAndGet(n);
				bytesOut.increment(n);
			});
			out.flush();
			completed = served.get() == range.length();
		}
		catch (IOException | RuntimeException ex) {
			if (!response.isCommitted()) {
				// The reset drops whatever was buffered: nothing reached the client.
				response.reset();
				hooks.afterBody(0, false);
				// The file is in the catalogue but its bytes could not be read: the store
				// failed (503, worth trying again; a file deleted meanwhile answers 404
				// then). Anything else means the blob went with its file.
				if (ex instanceof StorageException unavailable) {
					throw unavailable;
				}
				throw (ex instanceof IOException unreadable) ? new StorageException(unreadable)
						: FileException.notFound();
			}
		}
		hooks.afterBody(served.get(), completed);
	}

}
