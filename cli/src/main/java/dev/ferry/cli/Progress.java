package dev.ferry.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line on stderr, redrawn four times a second: percent, bar, bytes, speed and ETA of
 * all files together. Off unless stderr's process has a terminal and no {@code --json}.
 */
final class Progress implements AutoCloseable {

	private static final int WIDTH = 24;

	private final boolean enabled;

	private final PrintStream err;

	private final String verb;

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	private final AtomicLong moved = new AtomicLong();

	private final long started = System.nanoTime();

	private final ScheduledExecutorService ticker;

	Progress(boolean enabled, PrintStream err, String verb) {
		this.enabled = enabled;
		this.err = err;
		this.verb = verb;
		if (enabled) {
			this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "ferry-progress");
				thread.setDaemon(true);
				return thread;
			});
			this.ticker.scheduleAtFixedRate(this::render, 250, 250, TimeUnit.MILLISECONDS);
		}
		else {
			this.ticker = null;
		}
	}

	static boolean wanted(Output output) {
		return !output.json && System.console() != null;
	}

	void expect(long bytes) {
		total.addAndGet(bytes);
	}

	/** Bytes already on the other side from an earlier run: progress, but not speed. */
	void skipped(long bytes) {
		done.addAndGet(bytes);
	}

	void advance(long bytes) {
		done.addAndGet(bytes);
		moved.addAndGet(bytes);
	}

	/** Prints a message above the bar without tearing it. */
	synchronized void note(String message) {
		if (enabled) {
			err.print("\r\033[K");
		}
		err.println(message);
		err.flush();
	}

	synchronized void render() {
		err.print("\r\033[K" + line());
		err.flush();
	}

	String line() {
		long all = total.get();
		long have = Math.min(done.get(), all);
		double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
		double speed = moved.get() / seconds;
		int percent = (all == 0) ? 100 : (int) (have * 100 / all);
		int filled = percent * WIDTH / 100;
		String eta = (speed < 1) ? "--:--" : Sizes.clock((long) ((all - have) / speed));
		return String.format(Locale.ROOT, "%s %3d%% [%s%s] %s / %s  %s/s  ETA %s", verb, percent, "#".repeat(filled),
				".".repeat(WIDTH - filled), Sizes.bytes(have), Sizes.bytes(all), Sizes.bytes((long) speed), eta);
	}

	@Override
	public synchronized void close() {
		if (enabled) {
			ticker.shutdownNow();
			render();
			err.println();
			err.flush();
		}
	}

}
