package dev.ferry.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Raster images through ImageIO and the TwelveMonkeys plugins (JPEG with CMYK and broken
 * headers, WebP, TIFF). The header's dimensions are checked against {@code maxPixels}
 * before any pixel is decoded, and large images are read subsampled, so a small file
 * declaring a huge image (a decompression bomb) never allocates it.
 */
@Component
class ImageRenderer implements Renderer {

	/**
	 * BMP is left out: a header may declare one pixel and embed a PNG or JPEG of any
	 * size, or a data size the JDK's reader allocates before reading a byte.
	 */
	private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff");

	/**
	 * The longest side read: decoders allocate buffers a row wide, so a 40,000,000 x 1
	 * image within the pixel limit still costs hundreds of megabytes.
	 */
	private static final int MAX_SIDE = 30_000;

	ImageRenderer() {
		// The plugins register through the service loader of the class loader that asks
		// first; an executable jar's loader is not the one ImageIO saw at start.
		ImageIO.scanForPlugins();
		// ImageIO's default stream cache is a temporary file: plaintext on disk.
		ImageIO.setUseCache(false);
	}

	@Override
	public boolean accepts(String contentType) {
		return TYPES.contains(contentType);
	}

	@Override
	public BufferedImage render(InputStream content, PreviewProperties limits) throws IOException {
		try (ImageInputStream input = new MemoryCacheImageInputStream(content)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new IOException("no image reader for this content");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > limits.maxPixels() || Math.max(width, height) > MAX_SIDE) {
					throw new Unrenderable("too_many_pixels");
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.max(1, Math.max(width, height) / (2L * limits.size()));
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
	}

}
