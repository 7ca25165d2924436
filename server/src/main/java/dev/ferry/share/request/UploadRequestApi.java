package dev.ferry.share.request;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.protect.AccessRulesChange;

/** Request and response bodies of the upload-request API. */
final class UploadRequestApi {

	private UploadRequestApi() {
	}

	record NewRequest(String title, String message, String password, List<String> allowedEmails, Integer maxFiles,
			Long maxTotalBytes, List<String> allowedTypes, Instant expiresAt, List<String> allowedIps,
			List<String> allowedCountries, List<String> deniedCountries, Boolean captcha) {
	}

	/**
	 * A PATCH: the access rules it names (an empty list clears one) and {@code captcha}
	 * when present.
	 */
	record RequestChange(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries,
			Boolean captcha) {

		AccessRulesChange access() {
			return new AccessRulesChange(allowedIps, allowedCountries, deniedCountries);
		}

	}

	/** As the owner sees it; {@code token} and {@code url} only right after creation. */
	record RequestView(String id, String token, String url, String title, String message, String status, String folder,
			boolean passwordRequired, List<String> allowedEmails, List<String> allowedTypes, int maxFiles,
			long maxTotalBytes, int filesReceived, long bytesReceived, String expiresAt, String createdAt,
			String revokedAt, List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries,
			boolean captcha) {
	}

	record ArrivalView(String fileId, String name, long size, String uploaderEmail, String status, String createdAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) String completedAt) {
	}

	/** What a visitor of the request's page sees. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record PublicView(String title, String message, String ownerName, int maxFiles, long maxTotalBytes,
			List<String> allowedTypes, int filesLeft, long bytesLeft, String expiresAt, boolean passwordRequired,
			boolean emailVerificationRequired, boolean captchaRequired) {
	}

}
