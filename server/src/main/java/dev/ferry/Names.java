package dev.ferry;

import java.util.Optional;

/**
 * The one rule for names people give things (files, folders, groups, transfers, upload
 * requests, API keys, passkeys, display names): no control characters (C0, DEL, C1, line
 * and paragraph separators), which cut strings short in other systems and forge lines in
 * logs, headers and mail, no invisible text-direction characters, which disguise names
 * ({@code invoice\u202Efdp.exe}), and no invisible spaces, which make two names look
 * alike.
 */
public final class Names {

	private Names() {
	}

	/** What is wrong with {@code name} as a name, or empty when it is fine. */
	public static Optional<String> flaw(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				return Optional.of("contains a control character (code " + (int) c + ")");
			}
			if (isBidiControl(c)) {
				return Optional.of("contains an invisible text-direction character, which can disguise names");
			}
			if (isInvisibleSpace(c)) {
				return Optional
					.of("contains an invisible space (code " + (int) c + "), which makes a name look like another");
			}
		}
		return Optional.empty();
	}

	/**
	 * Zero-width space, word joiner, byte-order mark and the Mongolian vowel separator:
	 * they separate nothing a reader sees. The zero-width (non-)joiners are kept: Persian
	 * and Indic writing and emoji sequences need them.
	 */
	private static boolean isInvisibleSpace(char c) {
		return c == '​' || c == '⁠' || c == '﻿' || c == '᠎';
	}

	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

}
