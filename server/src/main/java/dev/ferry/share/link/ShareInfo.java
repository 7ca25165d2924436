package dev.ferry.share.link;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a visitor of a link sees. Until the link is unlocked (password, verified address)
 * the message and the file list stay empty: only title and sender are shown, so the page
 * can ask for what is missing. {@code sender_email} appears only when the owner opted in.
 * {@code captcha_required}: the link opens after an ALTCHA proof of work
 * ({@code GET .../challenge}, {@code POST .../captcha}). An end-to-end encrypted transfer
 * ({@code e2e}) adds, once unlocked, its encrypted {@code manifest} (base64 of an age
 * file), which only the recipient's key opens.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ShareInfo(String title, String message, String senderName,
		@JsonInclude(JsonInclude.Include.NON_NULL) String senderEmail, List<FileItem> files, long totalSize,
		String expiresAt, Integer downloadsLeft, boolean passwordRequired, boolean emailVerificationRequired,
		boolean unlocked, String verifiedEmail, boolean e2e, String manifest, boolean captchaRequired) {

	/**
	 * {@code age}: the content is an age file the page decrypts (end-to-end encrypted);
	 * {@code version}: the file version the link is pinned to (null: the latest);
	 * {@code preview}: the link shows previews and this file has one, at {@code GET
	 * .../files/{id}/preview}.
	 */
	record FileItem(String id, String name, long size, String contentType, boolean age,
			@JsonInclude(JsonInclude.Include.ALWAYS) Integer version, boolean preview) {
	}

}
