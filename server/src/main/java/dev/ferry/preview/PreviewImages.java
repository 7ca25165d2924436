package dev.ferry.preview;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.preview.PreviewRepository.Preview;

import org.springframework.stereotype.Component;

/**
 * Ready previews for modules that decided on access themselves (public share links that
 * show previews): nothing here checks who is asking or audits, so callers authorize and
 * audit the request before.
 */
@Component
public class PreviewImages {

	private final PreviewRepository previews;

	private final PreviewStore store;

	PreviewImages(PreviewRepository previews, PreviewStore store) {
		this.previews = previews;
		this.store = store;
	}

	/** The file's preview once it is ready; empty while pending, refused or absent. */
	public Optional<Image> find(UUID fileId) {
		return previews.find(fileId).filter(Preview::isReady).map((preview) -> new Image(preview, store));
	}

	/** A ready preview: a PNG or JPEG of {@code size} bytes. */
	public static final class Image {

		private final Preview preview;

		private final PreviewStore store;

		private Image(Preview preview, PreviewStore store) {
			this.preview = preview;
			this.store = store;
		}

		public String contentType() {
			return preview.contentType();
		}

		public long size() {
			return preview.size();
		}

		/** The raster, decrypted while read. */
		public InputStream open() {
			return store.open(preview);
		}

	}

}
