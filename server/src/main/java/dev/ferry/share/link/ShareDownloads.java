package dev.ferry.share.link;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Public downloads: one file with the owner download's range semantics, or every file as
 * one streamed ZIP. Every body counts when it starts, except a share session's ranged
 * request that continues a counted download of the same file: it must start at or after
 * every byte served under that download so far (its high-water mark), so a session can
 * resume but never fetch the file again for free. Each one is logged for the owner's
 * activity view and audited.
 */
@Service
class ShareDownloads {

	private final PublicShares shares;

	private final TransferRepository transfers;

	private final FileContent content;

	private final DownloadCounter counter;

	ShareDownloads(PublicShares shares, TransferRepository transfers, FileContent content, DownloadCounter counter) {
		this.shares = shares;
		this.transfers = transfers;
		this.content = content;
		this.counter = counter;
	}

	/**
	 * The transfer's files that still exist (at their pinned version, where one is), in
	 * the order the owner gave them.
	 */
	List<Served> files(Transfer transfer) {
		return transfers.files(transfer.id())
			.stream()
			.flatMap((entry) -> content.find(transfer.ownerId(), entry.fileId(), entry.version())
				.map((file) -> new Served(file, entry.version()))
				.stream())
			.toList();
	}

	void file(String token, String session, String fileId, HttpServletRequest request, HttpServletResponse response) {
		file(shares.forDownload(token, session, request), fileId, request, response);
	}

	void file(Visit visit, String fileId, HttpServletRequest request, HttpServletResponse response) {
		TransferRepository.Entry entry = inTransfer(visit, fileId);
		UUID id = entry.fileId();
		// A file its owner deleted (or a pinned version that went) is refused here, where
		// the refusal is audited, not by the files module's 404.
		StoredFile file = content.find(visit.transfer().ownerId(), id, entry.version())
			.orElseThrow(() -> notServed(visit, "file_gone"));
		content.serve(visit.transfer().ownerId(), id, entry.version(), request, response,
				counter.track(visit, file, request));
	}

	/**
	 * The file's entry (its id and pinned version) when it belongs to the visit's
	 * transfer; 404 (audited) otherwise.
	 */
	TransferRepository.Entry inTransfer(Visit visit, String fileId) {
		UUID id = Ids.parse(fileId);
		Optional<TransferRepository.Entry> entry = (id != null) ? transfers.file(visit.transfer().id(), id)
				: Optional.empty();
		if (entry.isEmpty()) {
			throw notServed(visit, "file_not_in_transfer");
		}
		return entry.get();
	}

	/** 404 for a file of the share that is not there (any more), audited with why. */
	ShareException notServed(Visit visit, String reason) {
		counter.refused(visit, reason);
		return ShareException.notFound("file in this share");
	}

	void zip(Visit visit, HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<Served> files = files(visit.transfer());
		if (files.isEmpty()) {
			throw notServed(visit, "no_files_left");
		}
		if (isHead(request)) {
			zipHeaders(visit, response);
			counter.answered(visit, null, Bodiless.HEAD.event("share"));
			return;
		}
		UUID owner = visit.transfer().ownerId();
		files.forEach((served) -> content.requireServable(owner, served.file().id(), served.version()));
		DownloadHooks tracker = counter.track(visit, null, request);
		tracker.beforeBody(0, 0, false);
		zipHeaders(visit, response);
		CountingOutputStream out = new CountingOutputStream(response.getOutputStream());
		boolean completed = false;
		boolean discarded = false;
		try {
			List<ZipStreamer.Item> items = files.stream()
				.map((served) -> new ZipStreamer.Item(served.file().name(), served.file().contentType(), served))
				.toList();
			ZipStreamer.write(items, visit.transfer().createdAt(), out, (item) -> {
				Served served = (Served) item.key();
				return content.open(owner, served.file().id(), served.version());
			});
			completed = true;
		}
		catch (IOException | RuntimeException ex) {
			// Once bytes went out no problem response is possible: the client sees a
			// truncated archive and the log records an incomplete download. Before, the
			// reset drops what was buffered, and a store that failed answers 503.
			if (!response.isCommitted()) {
				response.reset();
				discarded = true;
				if (ex instanceof IOException unreadable) {
					throw FileContent.unreadable(unreadable);
				}
				throw ex;
			}
		}
		finally {
			tracker.afterBody(discarded ? 0 : out.count(), completed);
		}
	}

	/**
	 * What a GET of the ZIP would answer with, minus the body (whose length is not known
	 * before it is written).
	 */
	private static void zipHeaders(Visit visit, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(ZipStreamer.safeName(visit.transfer().title()) + ".zip", StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

	private static boolean isHead(HttpServletRequest request) {
		return "HEAD".equals(request.getMethod());
	}

	/** A file as a link serves it: at its pinned version (null: the latest). */
	record Served(StoredFile file, Integer version) {
	}

	/** Counts what went to the client, for the download log. */
	static final class CountingOutputStream extends OutputStream {

		private final OutputStream out;

		private long count;

		CountingOutputStream(OutputStream out) {
			this.out = out;
		}

		long count() {
			return count;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

	}

}
