package dev.ferry.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import net.coobird.thumbnailator.Thumbnails;

import org.springframework.stereotype.Component;

/**
 * Picks the renderer for a content type and scales its image down to the preview size
 * with Thumbnailator: JPEG for photos, PNG for everything else. SVG and HTML are refused
 * before any renderer sees them: drawing them would mean running a browser's or an SVG
 * engine's parser (scripts, external references) on untrusted content.
 */
@Component
class PreviewRenderer {

	static final Set<String> UNSAFE = Set.of("image/svg+xml", "text/html", "application/xhtml+xml");

	private final List<Renderer> renderers;

	private final PreviewProperties properties;

	PreviewRenderer(List<Renderer> renderers, PreviewProperties properties) {
		this.renderers = renderers;
		this.properties = properties;
	}

	/** The renderer for {@code contentType}; empty for unsafe and unknown types. */
	Optional<Renderer> rendererFor(String contentType) {
		if (contentType == null || UNSAFE.contains(contentType)) {
			return Optional.empty();
		}
		return renderers.stream().filter((r) -> r.accepts(contentType)).findFirst();
	}

	Raster render(Renderer renderer, String contentType, InputStream content) throws IOException {
		BufferedImage image = renderer.render(content, properties);
		int size = properties.size();
		Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image);
		if (image.getWidth() <= size && image.getHeight() <= size) {
			builder.scale(1);
		}
		else {
			builder.size(size, size);
		}
		boolean jpeg = "image/jpeg".equals(contentType);
		if (jpeg) {
			builder.imageType(BufferedImage.TYPE_INT_RGB);
		}
		BufferedImage preview = builder.asBufferedImage();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(preview, jpeg ? "jpeg" : "png", out)) {
			throw new IOException("no image writer");
		}
		return new Raster(out.toByteArray(), jpeg ? "image/jpeg" : "image/png", preview.getWidth(),
				preview.getHeight());
	}

}
