package dev.ferry.web;

import java.io.IOException;

/**
 * Raised while reading a request body without a {@code Content-Length} once it passes the
 * limit; an {@link IOException} so that it travels through message converters unchanged.
 */
class BodyTooLargeException extends IOException {

	private final long limit;

	BodyTooLargeException(long limit) {
		super("Request body exceeds " + limit + " bytes");
		this.limit = limit;
	}

	long limit() {
		return limit;
	}

}
