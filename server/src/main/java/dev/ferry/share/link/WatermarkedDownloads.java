package dev.ferry.share.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import dev.ferry.ProblemException;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.TransferRepository;
import dev.ferry.watermark.Watermarks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Downloads through links created with {@code watermark: true}: PDFs and JPEG/PNG images
 * go out with the recipient's verified address (or the transfer's title) and the time
 * stamped on them; other types go out unchanged. The stamped bytes are new for every
 * download, so there are no ranges (a resumed download starts over), the ETag names the
 * watermark, and the ZIP of such a link is refused: files are fetched one by one. The
 * document is stamped in memory (input and output at most
 * {@code FERRY_WATERMARK_MAX_BYTES} each) before the download is counted, so a file that
 * cannot be stamped costs no download.
 */
@Component
class WatermarkedDownloads {

	private final ShareDownloads downloads;

	private final PublicShares shares;

	private final LinkWatermarks marks;

	private final Watermarks watermarks;

	private final FileContent content;

	private final DownloadCounter counter;

	private final Clock clock;

	WatermarkedDownloads(ShareDownloads downloads, PublicShares shares, LinkWatermarks marks, Watermarks watermarks,
			FileContent content, DownloadCounter counter, Clock clock) {
		this.downloads = downloads;
		this.shares = shares;
		this.marks = marks;
		this.watermarks = watermarks;
		this.content = content;
		this.counter = counter;
		this.clock = clock;
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
		UUID owner = visit.transfer().ownerId();
		StoredFile file = content.find(owner, id, entry.version())
			.orElseThrow(() -> ShareException.notFound("file in this share"));
		if (!watermarks.supports(file.contentType())) {
			downloads.file(visit, fileId, request, response);
			return;
		}
		if (file.size() > watermarks.maxBytes()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "watermark-failed", "Cannot watermark",
					"This file is larger than the " + watermarks.maxBytes() + " bytes a watermarked link stamps.");
		}
		String text = text(visit);
		byte[] stamped = stamp(owner, entry, file, text);
		headers(response, file, text, stamped.length);
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		DownloadHooks hooks = counter.track(visit, id, request);
		hooks.beforeBody(0, stamped.length, false);
		boolean completed = false;
		try {
			response.getOutputStream().write(stamped);
			response.flushBuffer();
			completed = true;
		}
		finally {
			hooks.afterBody(completed ? stamped.length : 0, completed);
		}
	}

	void zip(String token, String session, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Visit visit = shares.forDownload(token, session, request);
		if (marks.marked(visit.link().id())) {
			throw ShareException.conflict(
					"This link stamps a watermark on each file for you: download the files one by one, not as a ZIP.");
		}
		downloads.zip(visit, request, response);
	}

	private byte[] stamp(UUID owner, TransferRepository.Entry entry, StoredFile file, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = content.open(owner, file.id(), entry.version())) {
			watermarks.stamp(in, file.contentType(), text, out);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProblemException problem) {
				throw problem;
			}
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "watermark-failed", "Cannot watermark",
					"This file could not be read as " + file.contentType() + ", so no watermark could be stamped.");
		}
		return out.toByteArray();
	}

	private String text(Visit visit) {
		String when = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		return (visit.email() != null) ? "Downloaded by " + visit.email() + " at " + when
				: "Shared as \"" + visit.transfer().title() + "\", downloaded at " + when;
	}

	private static void headers(HttpServletResponse response, StoredFile file, String text, int length) {
		response.setContentType(file.contentType());
		response.setContentLength(length);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
		response.setHeader(HttpHeaders.ETAG, "\"wm-" + digest(file.sha256() + "\n" + text) + "\"");
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
