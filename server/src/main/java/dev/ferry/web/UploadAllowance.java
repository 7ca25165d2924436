package dev.ferry.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.ferry.limits.Counter;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Usage;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * An upload body that counts its bytes against the byte allowance while they stream:
 * nothing is buffered. The declared length (up to the whole allowance) is taken before
 * the first byte; bytes beyond it are taken as they arrive, and a read that finds the
 * allowance empty waits for it to refill, up to {@link #MAX_WAIT} at a time, so a fast
 * client is slowed to the allowed rate. A body that would have to wait longer is cut off
 * like a dropped connection (tus clients resume from the stored offset).
 */
final class UploadAllowance extends HttpServletRequestWrapper {

	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	private final Limiter limiter;

	private final Counter counter;

	private long credit;

	private ServletInputStream metered;

	UploadAllowance(HttpServletRequest request, Limiter limiter, Counter counter, long credit) {
		super(request);
		this.limiter = limiter;
		this.counter = counter;
		this.credit = credit;
	}

	/**
	 * What to take before the body is read: its declared length, at most the whole quota.
	 */
	static long upFront(RatePolicy policy, HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return (length > 0) ? Math.min(length, policy.quota()) : 1;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (metered == null) {
			metered = new CountedInputStream(super.getInputStream(), this::count);
		}
		return metered;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		throw new IllegalStateException("An upload body is read as bytes");
	}

	private void count(int n) throws IOException {
		long rest = n;
		if (credit > 0) {
			long used = Math.min(credit, rest);
			credit -= used;
			rest -= used;
		}
		while (rest > 0) {
			Usage usage = limiter.take(counter, rest);
			if (usage.granted()) {
				return;
			}
			if (usage.retryAfter().compareTo(MAX_WAIT) > 0) {
				throw new UploadRateExceededException(usage.retryAfter());
			}
			try {
				TimeUnit.NANOSECONDS.sleep(usage.retryAfter().toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while the upload waited for its byte allowance");
			}
		}
	}

	/** Thrown by a read when the byte allowance would not refill in time. */
	static final class UploadRateExceededException extends IOException {

		UploadRateExceededException(Duration wait) {
			super("The upload byte allowance is used up; it refills in " + RatePolicy.ceilSeconds(wait) + " s");
		}

	}

}
