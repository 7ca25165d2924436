package dev.ferry.files;

import java.nio.charset.StandardCharsets;

/** "a.pdf", "a (1).pdf", "a (2).pdf"...: free names for a file whose name is taken. */
final class NumberedNames {

	private NumberedNames() {
	}

	static String numbered(String name, int n) {
		if (n == 0) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot) : "";
		String suffix = " (" + n + ")";
		while (!stem.isEmpty() && bytes(stem + suffix + extension) > FilePaths.MAX_NAME_BYTES) {
			stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
		}
		return stem + suffix + extension;
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
