package dev.ferry.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that reports every chunk it reads to a {@link Meter}, which may throw to
 * stop the body (a size cap, a byte allowance). Nothing is buffered.
 */
final class CountedInputStream extends ServletInputStream {

	private final ServletInputStream in;

	private final Meter meter;

	CountedInputStream(ServletInputStream in, Meter meter) {
		this.in = in;
		this.meter = meter;
	}

	@Override
	public int read() throws IOException {
		int b = in.read();
		if (b >= 0) {
			meter.count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = in.read(buffer, offset, length);
		if (n > 0) {
			meter.count(n);
		}
		return n;
	}

	@Override
	public boolean isFinished() {
		return in.isFinished();
	}

	@Override
	public boolean isReady() {
		return in.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		in.setReadListener(listener);
	}

	/** Told how many bytes were just read. */
	interface Meter {

		void count(int n) throws IOException;

	}

}
