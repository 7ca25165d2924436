package dev.ferry.share.request;

import java.util.Map;

import dev.ferry.share.link.PublicShareController.CaptchaBody;
import dev.ferry.share.link.PublicShareController.ChallengeView;
import dev.ferry.share.link.PublicShareController.SessionView;
import dev.ferry.share.request.UploadRequestApi.PublicView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of upload requests, without an account. The session it hands out goes
 * in {@code X-Upload-Request} on the tus endpoint {@code /api/v1/uploads}.
 */
@Tag(name = "share")
@RestController
@RequestMapping("/api/v1/upload-requests/public/{token}")
class PublicUploadRequestController {

	private final PublicUploadRequests requests;

	private final RequestCaptcha captcha;

	PublicUploadRequestController(PublicUploadRequests requests, RequestCaptcha captcha) {
		this.requests = requests;
		this.captcha = captcha;
	}

	@Operation(operationId = "getPublicUploadRequest", summary = "What an upload request asks for")
	@GetMapping
	PublicView info(@PathVariable String token) {
		return requests.info(token);
	}

	@Operation(operationId = "openUploadRequestSession",
			summary = "Open an upload session, with the password if the request has one")
	@PostMapping("/session")
	SessionView session(@PathVariable String token, @RequestBody(required = false) Secret body,
			HttpServletRequest request) {
		return SessionView
			.of(requests.session(token, (body != null) ? body.password() : null, request.getRemoteAddr()));
	}

	@Operation(operationId = "getUploadRequestChallenge",
			summary = "An ALTCHA proof-of-work challenge for an upload request with captcha")
	@GetMapping("/challenge")
	ChallengeView challenge(@PathVariable String token) {
		return captcha.challenge(token);
	}

	@Operation(operationId = "solveUploadRequestCaptcha",
			summary = "Open an upload session with a solved ALTCHA challenge (each works once)")
	@PostMapping("/captcha")
	SessionView solveCaptcha(@PathVariable String token, @RequestBody CaptchaBody body) {
		return SessionView.of(captcha.solve(token, body.payload()));
	}

	@Operation(operationId = "requestUploadRequestEmailCode", summary = "Mail a code to the uploader")
	@PostMapping("/verify-email")
	ResponseEntity<Map<String, String>> verifyEmail(@PathVariable String token, @RequestBody Secret body,
			HttpServletRequest request) {
		String mail = requests.requestCode(token, body.email(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "sent_if_allowed", "mail", mail));
	}

	@Operation(operationId = "confirmUploadRequestEmailCode", summary = "Open an upload session with the mailed code")
	@PostMapping("/verify-email/confirm")
	SessionView confirm(@PathVariable String token, @RequestBody Secret body, HttpServletRequest request) {
		return SessionView
			.of(requests.confirmCode(token, body.email(), body.code(), body.password(), request.getRemoteAddr()));
	}

	record Secret(String password, String email, String code) {
	}

}
