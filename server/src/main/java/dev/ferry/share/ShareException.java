package dev.ferry.share;

import java.time.Duration;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The share module's problems. Public link states each have their own {@code type}, so
 * the share page can tell a visitor what happened: {@code share-not-found} (unknown or
 * revoked), {@code share-expired}, {@code share-exhausted}, {@code share-locked}.
 */
public class ShareException extends ProblemException {

	ShareException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	ShareException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	public static ShareException notFound(String what) {
		return new ShareException(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"There is no " + what + " with this id.");
	}

	/** No preview of a share's file to show; {@code detail} says why. */
	public static ShareException previewNotFound(String detail) {
		return new ShareException(HttpStatus.NOT_FOUND, "preview-not-found", "No preview", detail);
	}

	public static ShareException linkNotFound() {
		return new ShareException(HttpStatus.NOT_FOUND, "share-not-found", "Link not found",
				"This link does not exist or was revoked by its sender.");
	}

	public static ShareException linkExpired() {
		return new ShareException(HttpStatus.GONE, "share-expired", "Link expired",
				"This link has expired; ask the sender for a new one.");
	}

	public static ShareException linkExhausted() {
		return new ShareException(HttpStatus.GONE, "share-exhausted", "Download limit reached",
				"This link was downloaded as often as its sender allowed.");
	}

	public static ShareException locked(boolean password, boolean email) {
		String how = password ? (email ? "the password and a verified email address" : "the password")
				: "a verified email address";
		return new ShareException(HttpStatus.UNAUTHORIZED, "share-locked", "Link locked",
				"This link needs " + how + ": unlock it first and send the session in X-Share-Session.",
				Map.of("password_required", password, "email_verification_required", email));
	}

	public static ShareException sessionInvalid() {
		return new ShareException(HttpStatus.UNAUTHORIZED, "share-session-invalid", "Session invalid",
				"The share session is unknown, expired or belongs to another link; unlock the link again.");
	}

	public static ShareException wrongPassword() {
		return new ShareException(HttpStatus.UNAUTHORIZED, "share-wrong-password", "Wrong password",
				"The password is not right.");
	}

	public static ShareException invalidCode() {
		return new ShareException(HttpStatus.BAD_REQUEST, "verification-code-invalid", "Invalid code",
				"The code is wrong or expired; ask for a new one.");
	}

	public static ShareException tooManyAttempts(Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ShareException ex = new ShareException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
				"Too many failed attempts; try again in " + seconds + " seconds.", Map.of("retry_after", seconds));
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ex;
	}

	public static ShareException requestFull(int filesLeft, long bytesLeft) {
		return new ShareException(HttpStatus.CONTENT_TOO_LARGE, "upload-request-full", "Upload request full",
				"This upload does not fit what the request still accepts: " + filesLeft + " files, " + bytesLeft
						+ " bytes.",
				Map.of("files_left", filesLeft, "bytes_left", bytesLeft));
	}

	public static ShareException typeNotAllowed(java.util.List<String> allowed) {
		return new ShareException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-not-allowed", "File type not allowed",
				"This upload request accepts only: " + String.join(", ", allowed) + ".");
	}

	public static ShareException contentNotAllowed(java.util.List<String> allowed, String detected) {
		return new ShareException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-not-allowed", "File type not allowed",
				"The file's content is " + detected + " (or its name does not fit it), and this upload request"
						+ " accepts only: " + String.join(", ", allowed) + ". Nothing was kept.");
	}

	public static ShareException captchaRequired() {
		return new ShareException(HttpStatus.FORBIDDEN, "captcha-required", "Proof of work needed",
				"This link opens after a short proof of work: open it in a browser, or solve the challenge "
						+ "from GET /api/v1/share/{token}/challenge and POST it to /api/v1/share/{token}/captcha.");
	}

	public static ShareException requestCaptchaRequired() {
		return new ShareException(HttpStatus.FORBIDDEN, "captcha-required", "Proof of work needed",
				"This upload request takes files after a short proof of work: open it in a browser, or solve the "
						+ "challenge from GET /api/v1/upload-requests/public/{token}/challenge and POST it to "
						+ "/api/v1/upload-requests/public/{token}/captcha.");
	}

	public static ShareException captchaRefused(String why) {
		return new ShareException(HttpStatus.FORBIDDEN, "captcha-invalid", "Proof of work refused",
				why + " Fetch a new challenge and solve it again.");
	}

	public static ShareException deviceNotAllowed() {
		return new ShareException(HttpStatus.FORBIDDEN, "device-not-allowed", "Link bound to another device",
				"This link opens only on the device that opened it first. Use that browser (or the client "
						+ "that kept its device cookie), or ask the sender for a new link.");
	}

	public static ShareException invalid(String detail) {
		return new ShareException(HttpStatus.BAD_REQUEST, "invalid-share-request", "Invalid request", detail);
	}

	public static ShareException conflict(String detail) {
		return new ShareException(HttpStatus.CONFLICT, "share-conflict", "Not possible now", detail);
	}

}
