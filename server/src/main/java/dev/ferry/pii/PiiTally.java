package dev.ferry.pii;

import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link Writer} that counts the personal data in what is written to it, a piece at a
 * time: text is held only until a line ends (or {@link #PIECE} characters pass without
 * one, then up to the last blank), so a file of any size is scanned in bounded memory and
 * a value is not cut in two at a piece's edge.
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
			end = Math.max(pending.lastIndexOf(" "), pending.lastIndexOf("\t"));
		}
		return (end > 0) ? end + 1 : pending.length();
	}

	private void scan(int end) {
		PiiDetector.count(pending.subSequence(0, end), counts);
		pending.delete(0, end);
	}

}
