package dev.ferry.pii;

import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link Writer} that counts the personal data in what is written to it, a piece at a
 * time: text is held only until a line ends, so a file of any size is scanned in bounded
 * memory and a value is not cut in two at a piece's edge. A line longer than
 * {@link #PIECE} (minified JSON, a CSV without line breaks) is cut after the last
 * character no value can hold (a quote, a comma, a bracket...), else after the last
 * blank.
 */
final class PiiTally extends Writer {

	static final int PIECE = 16 * 1024;

	private final StringBuilder pending = new StringBuilder(2 * PIECE);

	private final Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);

	@Override
	public void write(char[] buffer, int offset, int length) {
		pending.append(buffer, offset, length);
		if (pending.length() >= PIECE) {
			scan(cut());
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		scan(pending.length());
	}

	/** The kinds found so far and how often; call after {@link #close()}. */
	Map<PiiKind, Integer> counts() {
		return counts;
	}

	private int cut() {
		int end = pending.lastIndexOf("\n");
		if (end < 0) {
			end = lastSeparator();
		}
		if (end < 0) {
			end = pending.lastIndexOf(" ");
		}
		return (end > 0) ? end + 1 : pending.length();
	}

	/**
	 * The last character that no {@link PiiDetector} pattern matches (letters, digits,
	 * {@code . _ % + - @ ( )} and the blank are theirs), or -1. Cutting after it splits
	 * no value and leaves the patterns' look-behinds the same context.
	 */
	private int lastSeparator() {
		for (int i = pending.length() - 1; i >= 0; i--) {
			char c = pending.charAt(i);
			if (!Character.isLetterOrDigit(c) && "._%+-@() ".indexOf(c) < 0) {
				return i;
			}
		}
		return -1;
	}

	private void scan(int end) {
		PiiDetector.count(pending.subSequence(0, end), counts);
		pending.delete(0, end);
	}

}
