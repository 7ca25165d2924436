package dev.ferry.share.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of the owner's transfer API. */
public final class TransferApi {

	private TransferApi() {
	}

	/**
	 * A new transfer; {@code recipientLocale} is the language (a shipped BCP 47 tag) its
	 * mails take for recipients whose own account chose none; {@code versions} pins files
	 * of {@code fileIds} to a version number (files it does not name follow the latest).
	 */
	public record NewTransfer(String title, String message, List<String> fileIds, List<String> recipients,
			Instant expiresAt, Boolean showSenderEmail, Boolean notifySender, Boolean deleteFilesOnExpiry,
			Boolean notifyRecipients, LinkOptions link, Boolean e2e, String manifest, String recipientLocale,
			Map<String, Integer> versions) {
	}

	public record Change(String title, String message, Instant expiresAt, List<String> recipients,
			Boolean showSenderEmail, Boolean notifySender) {
	}

	/**
	 * A new link's settings; {@code allowedIps} (CIDR), {@code allowedCountries} and
	 * {@code deniedCountries} (ISO 3166 alpha-2) restrict who may open it;
	 * {@code bindToFirstDevice} lets only the first device that opens it in;
	 * {@code captcha} asks visitors for an ALTCHA proof of work (default
	 * {@code FERRY_CAPTCHA_DEFAULT} for links without a password); {@code showPreviews}
	 * shows the files' preview images on the share page (default off; not with
	 * {@code watermark} nor for end-to-end encrypted transfers).
	 */
	public record LinkOptions(Instant expiresAt, Integer maxDownloads, String password,
			Boolean requireEmailVerification, Boolean notifyOnDownload, List<String> allowedIps,
			List<String> allowedCountries, List<String> deniedCountries, Boolean bindToFirstDevice, Boolean captcha,
			Boolean watermark, Boolean showPreviews) {

		public static final LinkOptions DEFAULTS = new LinkOptions(null, null, null, null, null, null, null, null, null,
				null, null, null);

	}

	/**
	 * A file of a transfer; {@code version} the version it is pinned to (null: the
	 * latest), whose name, size and type it shows.
	 */
	public record FileView(String id, String name, long size, String contentType, boolean available,
			@JsonInclude(JsonInclude.Include.ALWAYS) Integer version) {
	}

	/**
	 * A link as the owner sees it; {@code token} and {@code url} only right after
	 * creation; {@code watermark} whether downloads are stamped; {@code showPreviews}
	 * whether the share page shows the files' previews.
	 */
	public record LinkView(String id, String token, String url, String status, String createdAt, String expiresAt,
			Integer maxDownloads, int downloads, Integer downloadsLeft, boolean passwordRequired,
			boolean requireEmailVerification, boolean notifyOnDownload, String revokedAt, List<String> allowedIps,
			List<String> allowedCountries, List<String> deniedCountries, boolean bindToFirstDevice, boolean captcha,
			boolean watermark, boolean showPreviews) {
	}

	public record TransferView(String id, String title, String message, String status, String expiresAt,
			String createdAt, String updatedAt, List<FileView> files, long totalSize, List<String> recipients,
			boolean showSenderEmail, boolean notifySender, boolean deleteFilesOnExpiry, String firstDownloadAt,
			String purgedAt, List<LinkView> shares, LinkView link, String mail, boolean e2e, String manifest) {
	}

	public record RecipientView(String email, @JsonInclude(JsonInclude.Include.ALWAYS) String notifiedAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) String verifiedAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) String downloadedAt) {
	}

	public record ActivityView(String id, String linkId, String fileId, String fileName, String kind, String email,
			String ip, String userAgent, long bytes, boolean completed, String startedAt, String finishedAt) {
	}

	public record NotifyResult(LinkView link, int recipients, String mail) {
	}

	public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
	}

	public static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
