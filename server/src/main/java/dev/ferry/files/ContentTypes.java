package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.StorageException;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

import org.springframework.stereotype.Component;

/**
 * Detects a file's type from its first bytes (Tika's magic, refined by the name only when
 * the name names a subtype of what the content is, e.g. a zip named .docx). The declared
 * type and then the extension are used only when the content says nothing
 * ({@code application/octet-stream}). A store that fails while the first bytes are read
 * is the store's problem (503, {@link StorageException}), not an unexpected one.
 */
@Component
class ContentTypes {

	static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

	private static final int SNIFF_BYTES = 64 * 1024;

	private final Tika tika = new Tika();

	private final BlobStorage storage;

	ContentTypes(BlobStorage storage) {
		this.storage = storage;
	}

	String detect(UUID blobId, long size, String name, String declaredType) {
		String detected;
		try (InputStream head = storage.openRange(blobId, 0, Math.min(size, SNIFF_BYTES))) {
			detected = tika.detect(head, name);
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
		if (!UNKNOWN.equals(detected)) {
			return detected;
		}
		String declared = clean(declaredType);
		if (declared != null && !UNKNOWN.equals(declared)) {
			return declared;
		}
		return tika.detect(name);
	}

	/** The type the bytes themselves show, without any name: for the upload policy. */
	String detectContent(byte[] head) {
		return tika.detect(head);
	}

	/** A blob's first bytes, as many as detection reads. */
	byte[] head(UUID blobId, long size) {
		try (InputStream head = storage.openRange(blobId, 0, Math.min(size, SNIFF_BYTES))) {
			return head.readAllBytes();
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
	}

	/** A declared type as stored: lower-case {@code type/subtype}, parameters dropped. */
	static String clean(String declaredType) {
		if (declaredType == null || declaredType.length() > 255) {
			return null;
		}
		MediaType parsed = MediaType.parse(declaredType.trim().toLowerCase(Locale.ROOT));
		return (parsed != null) ? parsed.getBaseType().toString() : null;
	}

}
