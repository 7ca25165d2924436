package dev.ferry.share.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.ferry.ProblemException;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.share.transfer.TransferRepository;
import dev.ferry.watermark.Watermarks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Stamps a shared file for one visit of a watermarked link: the recipient's verified
 * address (or the transfer's title) and the time, in memory, input and output at most
 * {@code FERRY_WATERMARK_MAX_BYTES} each.
 */
@Component
class WatermarkStamper {

	private final Watermarks watermarks;

	private final FileContent content;

	private final Clock clock;

	WatermarkStamper(Watermarks watermarks, FileContent content, Clock clock) {
		this.watermarks = watermarks;
		this.content = content;
		this.clock = clock;
	}

	boolean supports(StoredFile file) {
		return watermarks.supports(file.contentType());
	}

	/** The stamped document and the text on it; refused when it cannot be stamped. */
	Stamped stamp(Visit visit, TransferRepository.Entry entry, StoredFile file) {
		if (file.size() > watermarks.maxBytes()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "watermark-failed", "Cannot watermark",
					"This file is larger than the " + watermarks.maxBytes() + " bytes a watermarked link stamps.");
		}
		String text = text(visit);
		UUID owner = visit.transfer().ownerId();
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
		return new Stamped(out.toByteArray(), text);
	}

	private String text(Visit visit) {
		String when = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		return (visit.email() != null) ? "Downloaded by " + visit.email() + " at " + when
				: "Shared as \"" + visit.transfer().title() + "\", downloaded at " + when;
	}

	/** A stamped document and the text stamped on it. */
	record Stamped(byte[] bytes, String text) {
	}

}
