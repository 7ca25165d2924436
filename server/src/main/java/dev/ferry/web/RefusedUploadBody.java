package dev.ferry.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The rest of an upload the server stopped storing mid-body (the disk filled up). Tomcat
 * discards only {@code max-swallow-size} (2 MB) of an unread body and then closes the
 * connection; a client still sending then fails its write and many (the JDK's HttpClient,
 * some tus clients) drop the answer with it, so the user sees "connection reset" instead
 * of "storage full". Reading a bounded rest first lets the 507 arrive on a connection
 * that stays open. Only callers who passed authentication and authorisation reach a
 * storage failure, so the bound is generous: a tus chunk or a small file; anything longer
 * still ends with the connection closed.
 */
final class RefusedUploadBody {

	static final long DISCARD_AT_MOST = 64L * 1024 * 1024;

	private RefusedUploadBody() {
	}

	static void discard(HttpServletRequest request) {
		byte[] buffer = new byte[64 * 1024];
		long left = DISCARD_AT_MOST;
		try {
			InputStream body = request.getInputStream();
			int read;
			while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
				left -= read;
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away, or the body was read as form parameters: nothing
			// is left to drain.
		}
	}

}
