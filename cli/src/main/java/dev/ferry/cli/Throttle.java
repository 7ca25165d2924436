package dev.ferry.cli;

import java.util.concurrent.TimeUnit;

/** Keeps a stream at or below a number of bytes per second ({@code --limit-rate}). */
final class Throttle {

	private final long bytesPerSecond;

	private final long started = System.nanoTime();

	private long bytes;

	Throttle(long bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
	}

	void after(long sent) {
		if (bytesPerSecond <= 0) {
			return;
		}
		bytes += sent;
		long ahead = started + dueAfter(bytes) - System.nanoTime();
		if (ahead > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(ahead);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliException(ExitCode.ERROR, "Interrupted.");
			}
		}
	}

	/**
	 * Nanoseconds from the start by which {@code total} bytes may have gone; in whole
	 * seconds first, as {@code total * 10^9} overflows past 9.2 GB.
	 */
	long dueAfter(long total) {
		return (total / bytesPerSecond) * 1_000_000_000L + (total % bytesPerSecond) * 1_000_000_000L / bytesPerSecond;
	}

}
