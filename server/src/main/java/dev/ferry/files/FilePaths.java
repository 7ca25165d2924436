package dev.ferry.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.StringJoiner;

import dev.ferry.Names;

/**
 * Validates and normalises folders and names. Every file lives under its owner's own root
 * {@code /}; a folder is a normalised absolute path such as {@code /docs/2026}. Anything
 * that could escape or confuse that tree ({@code ..}, backslashes, control or bidi
 * characters) is rejected with a message that says what is wrong, never silently fixed.
 */
final class FilePaths {

	static final String ROOT = "/";

	static final int MAX_NAME_BYTES = 255;

	static final int MAX_FOLDER_BYTES = 4096;

	private FilePaths() {
	}

	/** {@code null} or blank means the root; relative folders are taken from the root. */
	static String folder(String raw) {
		if (raw == null || raw.isBlank()) {
			return ROOT;
		}
		String folder = Normalizer.normalize(raw, Normalizer.Form.NFC);
		if (folder.indexOf('\\') >= 0) {
			throw FileException.invalidPath("The folder must use '/' as separator, not '\\'.");
		}
		StringJoiner path = new StringJoiner("/", "/", "");
		for (String segment : folder.split("/")) {
			if (!segment.isEmpty()) {
				path.add(checkSegment(segment, "A folder name"));
			}
		}
		String normalised = path.toString();
		if (utf8Length(normalised) > MAX_FOLDER_BYTES) {
			throw FileException.invalidPath("The folder path is longer than " + MAX_FOLDER_BYTES + " bytes.");
		}
		return normalised;
	}

	static String name(String raw) {
		if (raw == null || raw.isEmpty()) {
			throw FileException.invalidPath("The file name is empty.");
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
		if (name.indexOf('/') >= 0) {
			throw FileException.invalidPath("The file name must not contain '/'; put folders in the folder path.");
		}
		if (name.indexOf('\\') >= 0) {
			throw FileException.invalidPath("The file name must not contain '\\'.");
		}
		return checkSegment(name, "The file name");
	}

	/** Splits {@code /docs/a.pdf} into its folder and name, both validated. */
	static FileCatalog.Placement split(String path) {
		if (path == null || path.isBlank()) {
			throw FileException.invalidPath("Give the file's path, for example /docs/report.pdf.");
		}
		int slash = path.lastIndexOf('/');
		if (slash == path.length() - 1) {
			throw FileException.invalidPath("The path ends with '/'; it must end with the file name.");
		}
		String folder = (slash < 0) ? ROOT : path.substring(0, slash);
		return new FileCatalog.Placement(folder(folder), name(path.substring(slash + 1)));
	}

	static String join(String folder, String name) {
		return ROOT.equals(folder) ? ROOT + name : folder + "/" + name;
	}

	private static String checkSegment(String segment, String what) {
		if (segment.isBlank()) {
			throw FileException.invalidPath(what + " must not be blank.");
		}
		if (segment.equals(".") || segment.equals("..")) {
			throw FileException.invalidPath(what + " must not be '" + segment + "'.");
		}
		// MariaDB's collation ignores trailing spaces ("a.pdf " is "a.pdf" there, not on
		// SQLite or PostgreSQL), and Windows cannot keep them.
		if (Character.isWhitespace(segment.charAt(segment.length() - 1))) {
			throw FileException.invalidPath(what + " must not end with a space.");
		}
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(segment)) {
			throw FileException.invalidPath(what + " is not valid Unicode text.");
		}
		Names.flaw(segment).ifPresent((flaw) -> {
			throw FileException.invalidPath(what + " " + flaw + ".");
		});
		if (utf8Length(segment) > MAX_NAME_BYTES) {
			throw FileException.invalidPath(what + " is longer than " + MAX_NAME_BYTES + " bytes (UTF-8).");
		}
		return segment;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
