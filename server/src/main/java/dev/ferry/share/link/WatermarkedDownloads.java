package dev.ferry.share.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import dev.ferry.ProblemException;
import dev.ferry.auth.DownloadTickets;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.TransferRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Downloads through links created with {@code watermark: true}: PDFs and JPEG/PNG images
 * go out with the recipient's verified address (or the transfer's title) and the time
 * stamped on them ({@link WatermarkStamper}); other types go out unchanged. The stamped
 * bytes are new for every download, so there are no ranges (a resumed download starts
 * over), the ETag names the watermark, and the ZIP of such a link is refused: files are
 * fetched one by one. The document is stamped before the download is counted, so a file
 * that cannot be stamped costs no download; a HEAD is answered without stamping (and so
 * without a length).
 */
@Component
class WatermarkedDownloads {

	private final ShareDownloads downloads;

	private final PublicShares shares;

	private final LinkWatermarks marks;

	private final WatermarkStamper stamper;

	private final FileContent content;

	private final DownloadCounter counter;

	private final DownloadTickets tickets;

	WatermarkedDownloads(ShareDownloads downloads, PublicShares shares, LinkWatermarks marks, WatermarkStamper stamper,
			FileContent content, DownloadCounter counter, DownloadTickets tickets) {
		this.downloads = downloads;
		this.shares = shares;
		this.marks = marks;
		this.stamper = stamper;
		this.content = content;
		this.counter = counter;
		this.tickets = tickets;
	}

	void file(String token, String session, String fileId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Visit visit = shares.forDownload(token, session, request);
		if (!marks.marked(visit.link().id())) {
			downloads.file(visit, fileId, request, response);
			return;
		}
		TransferRepository.Entry entry = downloads.inTransfer(visit, fileId);
		UUID id = entry.fileId();
		StoredFile file = content.find(visit.transfer().ownerId(), id, entry.version())
			.orElseThrow(() -> downloads.notServed(visit, "file_gone"));
		if (!stamper.supports(file)) {
			downloads.file(visit, fileId, request, response);
			return;
		}
		// Stamping holds the whole document in memory: not for a HEAD (which answers
		// without the length the stamped bytes would have), nor for a link whose
		// downloads are used up (no range can resume a stamped document, so none would
		// be served).
		if ("HEAD".equals(request.getMethod())) {
			content.requireServable(visit.transfer().ownerId(), id, entry.version());
			headers(response, file);
			counter.answered(visit, id, Bodiless.HEAD.event("share"));
			return;
		}
		if (visit.link().isExhausted()) {
			counter.refuseExhausted(visit);
		}
		WatermarkStamper.Stamped stamped;
		try {
			stamped = stamper.stamp(visit, entry, file);
		}
		catch (ProblemException ex) {
			counter.refused(visit, "watermark_failed");
			throw ex;
		}
		send(visit, file, stamped, request, response);
	}

	/**
	 * Sends the stamped bytes, counted as a download; under a ticket, they take the whole
	 * document from it, so a used ticket cannot fetch it again with a Range header (there
	 * are no ranges here: every request gets the whole document). The headers go out only
	 * once both let it through, so a refusal is a problem of its own length.
	 */
	private void send(Visit visit, StoredFile file, WatermarkStamper.Stamped stamped, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		byte[] bytes = stamped.bytes();
		DownloadTickets.Span ticket = tickets.bodyStarts(request, 0, bytes.length);
		DownloadHooks hooks = counter.track(visit, file, request);
		try {
			hooks.beforeBody(0, bytes.length, false);
		}
		catch (RuntimeException ex) {
			tickets.bodyEnded(ticket, 0);
			throw ex;
		}
		headers(response, file);
		response.setContentLength(bytes.length);
		response.setHeader(HttpHeaders.ETAG, "\"wm-" + digest(file.sha256() + "\n" + stamped.text()) + "\"");
		boolean completed = false;
		try {
			response.getOutputStream().write(bytes);
			response.flushBuffer();
			completed = true;
		}
		finally {
			hooks.afterBody(completed ? bytes.length : 0, completed);
			tickets.bodyEnded(ticket, completed ? bytes.length : 0);
		}
	}

	void zip(String token, String session, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Visit visit = shares.forDownload(token, session, request);
		if (marks.marked(visit.link().id())) {
			counter.refused(visit, "watermarked_zip");
			throw ShareException.conflict(
					"This link stamps a watermark on each file for you: download the files one by one, not as a ZIP.");
		}
		downloads.zip(visit, request, response);
	}

	private static void headers(HttpServletResponse response, StoredFile file) {
		response.setContentType(file.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
	}

	private static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
