package dev.ferry.share.link;

import java.io.IOException;
import java.util.Map;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.DownloadTickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of share links ({@code /api/v1/share/{token}}), reachable without an
 * account. A share session from unlock or verification travels in {@code X-Share-Session}
 * or as {@code Authorization: Bearer fss_...}; a browser's native download carries a
 * download ticket for it in the query instead.
 */
@Tag(name = "share")
@RestController
@RequestMapping("/api/v1/share/{token}")
public class PublicShareController {

	static final String SESSION_HEADER = "X-Share-Session";

	private final PublicShares shares;

	private final SharePages pages;

	private final SharePreviews previews;

	private final WatermarkedDownloads watermarked;

	private final ShareCaptcha captcha;

	PublicShareController(PublicShares shares, SharePages pages, ShareCaptcha captcha, WatermarkedDownloads watermarked,
			SharePreviews previews) {
		this.watermarked = watermarked;
		this.shares = shares;
		this.pages = pages;
		this.previews = previews;
		this.captcha = captcha;
	}

	@Operation(operationId = "getShare", summary = "What a share link offers")
	@GetMapping
	ShareInfo info(@PathVariable String token, HttpServletRequest request) {
		return pages.info(token, session(request));
	}

	@Operation(operationId = "unlockShare", summary = "Open a share session, with the password if the link has one")
	@PostMapping("/unlock")
	SessionView unlock(@PathVariable String token, @RequestBody(required = false) Unlock body,
			HttpServletRequest request) {
		return SessionView.of(shares.unlock(token, (body != null) ? body.password() : null, request.getRemoteAddr()));
	}

	@Operation(operationId = "getShareChallenge", summary = "An ALTCHA proof-of-work challenge for a link with captcha")
	@GetMapping("/challenge")
	ChallengeView challenge(@PathVariable String token) {
		return captcha.challenge(token);
	}

	@Operation(operationId = "solveShareCaptcha",
			summary = "Open a share session with a solved ALTCHA challenge (each works once)")
	@PostMapping("/captcha")
	SessionView solveCaptcha(@PathVariable String token, @RequestBody CaptchaBody body) {
		return SessionView.of(captcha.solve(token, body.payload()));
	}

	/**
	 * The classic route of the Secure File Transfer API design for password verification:
	 * the same check, limits and audit as {@link #unlock}.
	 */
	@Operation(operationId = "verifySharePassword",
			summary = "Check a share link's password and open a share session (alias of unlock)")
	@PostMapping("/verify")
	SessionView verify(@PathVariable String token, @RequestBody(required = false) Unlock body,
			HttpServletRequest request) {
		return unlock(token, body, request);
	}

	@Operation(operationId = "requestShareEmailCode", summary = "Mail a code to a recipient of the share")
	@PostMapping("/verify-email")
	ResponseEntity<Map<String, String>> verifyEmail(@PathVariable String token, @RequestBody EmailBody body,
			HttpServletRequest request) {
		String mail = shares.requestCode(token, body.email(), session(request), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "sent_if_recipient", "mail", mail));
	}

	@Operation(operationId = "confirmShareEmailCode", summary = "Open a share session with the mailed code")
	@PostMapping("/verify-email/confirm")
	SessionView confirm(@PathVariable String token, @RequestBody CodeBody body, HttpServletRequest request) {
		return SessionView
			.of(shares.confirmCode(token, body.email(), body.code(), session(request), request.getRemoteAddr()));
	}

	/**
	 * A plain link cannot carry the session header: a ticket lets the browser download an
	 * unlocked link's file or ZIP natively.
	 */
	@Operation(operationId = "createShareDownloadTicket", summary = "Issue a short-lived download URL for the share")
	@PostMapping("/download-tickets")
	ResponseEntity<TicketView> ticket(@PathVariable String token, @RequestBody(required = false) TicketBody body,
			HttpServletRequest request) {
		DownloadTickets.Issued issued = shares.ticket(token, session(request), (body != null) ? body.fileId() : null);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TicketView(issued.url(), issued.expiresAt().toString()));
	}

	@BinaryAnswer(ranges = true)
	@Operation(operationId = "downloadShareFile", summary = "Download one file of a share, whole or one range")
	@RequestMapping(path = "/files/{fileId}/download", method = { RequestMethod.GET, RequestMethod.HEAD })
	void file(@PathVariable String token, @PathVariable String fileId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		watermarked.file(token, session(request), fileId, request, response);
	}

	/**
	 * A file's preview image, for links whose owner chose {@code show_previews}: checked
	 * like a download, never counted as one.
	 */
	@BinaryAnswer({ "image/png", "image/jpeg" })
	@Operation(operationId = "getShareFilePreview",
			summary = "A shared file's preview image (PNG or JPEG) if the link shows previews; 404 otherwise")
	@GetMapping("/files/{fileId}/preview")
	void preview(@PathVariable String token, @PathVariable String fileId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		previews.serve(token, session(request), fileId, response);
	}

	@BinaryAnswer("application/zip")
	@Operation(operationId = "downloadShareZip", summary = "Download all files of a share as one ZIP")
	@RequestMapping(path = "/download", method = { RequestMethod.GET, RequestMethod.HEAD })
	void zip(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
		watermarked.zip(token, session(request), request, response);
	}

	static String session(HttpServletRequest request) {
		String header = request.getHeader(SESSION_HEADER);
		if (header != null && !header.isBlank()) {
			return header.strip();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).strip();
			return token.startsWith(ShareSessions.PREFIX) ? token : null;
		}
		return null;
	}

	public record TicketBody(String fileId) {
	}

	public record TicketView(String url, String expiresAt) {
	}

	public record Unlock(String password) {
	}

	/**
	 * {@code payload}: base64 of the solved ALTCHA JSON, as the altcha widget sends it.
	 */
	public record CaptchaBody(String payload) {
	}

	/**
	 * An ALTCHA challenge as the altcha widget reads it ({@code maxnumber} in its
	 * spelling).
	 */
	public record ChallengeView(String algorithm, String challenge,
			@com.fasterxml.jackson.annotation.JsonProperty("maxnumber") Long maxnumber, String salt, String signature) {
	}

	public record EmailBody(String email) {
	}

	public record CodeBody(String email, String code) {
	}

	public record SessionView(String sessionToken, String expiresAt, String email) {

		public static SessionView of(ShareSessions.Issued issued) {
			return new SessionView(issued.token(), issued.session().expiresAt().toString(), issued.session().email());
		}

	}

}
