package dev.ferry.share.request;

import java.util.List;
import java.util.Locale;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * An upload request's {@code allowed_types} held against a finished upload: the type its
 * bytes show and the type its name's extension stands for must both fit, so neither a
 * disguised body nor a disguised name gets through. The name only refines what the bytes
 * establish (a ZIP named {@code .docx} is a Word file, text named {@code .csv} is CSV);
 * bytes that show nothing stay of no known type whatever the name or the declared type
 * claims.
 * <ul>
 * <li>A MIME entry ({@code image/*}, {@code application/pdf}) needs the content type to
 * match it, and the extension to match it too or to name no known type.</li>
 * <li>An extension entry ({@code .pdf}) needs the name to end with it and the content to
 * be what that extension stands for (or a more specific kind of it); an extension of no
 * known type admits only content of no known type.</li>
 * </ul>
 */
final class AllowedTypes {

	private static final Tika TIKA = new Tika();

	private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

	private AllowedTypes() {
	}

	static boolean allowContent(List<String> allowed, String name, String bytesType) {
		if (allowed.isEmpty()) {
			return true;
		}
		MediaType byName = parse(TIKA.detect(name));
		MediaType shown = parse(bytesType);
		MediaType content = (!MediaType.OCTET_STREAM.equals(shown) && REGISTRY.isSpecializationOf(byName, shown))
				? byName : shown;
		String lowerName = name.toLowerCase(Locale.ROOT);
		for (String entry : allowed) {
			boolean fits = entry.startsWith(".") ? lowerName.endsWith(entry) && isA(content, byName)
					: matches(content, entry) && (MediaType.OCTET_STREAM.equals(byName) || matches(byName, entry));
			if (fits) {
				return true;
			}
		}
		return false;
	}

	/** {@code image/*} matches every image; {@code text/plain} also its subtypes. */
	private static boolean matches(MediaType type, String entry) {
		if (entry.endsWith("/*")) {
			return type.getType().equals(entry.substring(0, entry.length() - 2));
		}
		MediaType wanted = MediaType.parse(entry);
		return wanted != null && isA(type, wanted);
	}

	/**
	 * Every type specialises {@code application/octet-stream}, so an extension of no
	 * known type admits only content of no known type either.
	 */
	private static boolean isA(MediaType type, MediaType wanted) {
		return type.equals(wanted)
				|| (!MediaType.OCTET_STREAM.equals(wanted) && REGISTRY.isSpecializationOf(type, wanted));
	}

	private static MediaType parse(String type) {
		MediaType parsed = (type != null) ? MediaType.parse(type.toLowerCase(Locale.ROOT)) : null;
		return (parsed != null) ? REGISTRY.normalize(parsed.getBaseType()) : MediaType.OCTET_STREAM;
	}

}
