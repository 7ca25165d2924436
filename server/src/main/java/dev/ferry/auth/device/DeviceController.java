package dev.ferry.auth.device;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.ferry.SafeName;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.Scope;
import dev.ferry.auth.session.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device sign-in (RFC 8628 in JSON): the device asks for codes and polls for tokens; the
 * signed-in user looks the code up on the {@code /device} page and approves or denies.
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/device")
class DeviceController {

	private static final List<String> DEFAULT_SCOPES = List.of("read", "write", "share");

	private final DeviceSignIns signIns;

	private final DeviceApprovals approvals;

	private final PublicUrl publicUrl;

	DeviceController(DeviceSignIns signIns, DeviceApprovals approvals, PublicUrl publicUrl) {
		this.signIns = signIns;
		this.approvals = approvals;
		this.publicUrl = publicUrl;
	}

	@Operation(operationId = "requestDeviceCode",
			summary = "Start a device sign-in: a device code to poll with and a user code to approve in a browser")
	@PostMapping("/code")
	DeviceCodeResponse code(@Valid @RequestBody DeviceCodeRequest body, HttpServletRequest request) {
		List<String> scopes = (body.scopes() != null && !body.scopes().isEmpty()) ? body.scopes() : DEFAULT_SCOPES;
		String name = (body.clientName() != null && !body.clientName().isBlank()) ? body.clientName() : "device";
		DeviceSignIns.Codes codes = signIns.request(name, Scope.of(scopes), ClientInfo.of(request));
		String page = publicUrl.resolve("/device");
		return new DeviceCodeResponse(codes.deviceCode(), codes.userCode(), page,
				page + "?code=" + URLEncoder.encode(codes.userCode(), StandardCharsets.UTF_8),
				codes.expiresIn().toSeconds(), codes.interval().toSeconds());
	}

	@Operation(operationId = "pollDeviceToken",
			summary = "Poll a device sign-in: tokens once approved, else authorization_pending, slow_down, "
					+ "access_denied or expired_token")
	@PostMapping("/token")
	TokenResponse token(@Valid @RequestBody DeviceTokenRequest body, HttpServletRequest request) {
		return signIns.poll(body.deviceCode(), ClientInfo.of(request));
	}

	@Operation(operationId = "verifyDeviceCode", summary = "Show which device asks for a user code")
	@PostMapping("/verify")
	DeviceView verify(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody DeviceUserCodeRequest body,
			HttpServletRequest request) {
		return DeviceView.of(approvals.verify(caller, body.userCode(), request.getRemoteAddr()));
	}

	@Operation(operationId = "approveDevice", summary = "Approve a device sign-in")
	@PostMapping("/approve")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void approve(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody DeviceUserCodeRequest body,
			HttpServletRequest request) {
		approvals.approve(caller, body.userCode(), request.getRemoteAddr());
	}

	@Operation(operationId = "denyDevice", summary = "Deny a device sign-in")
	@PostMapping("/deny")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deny(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody DeviceUserCodeRequest body,
			HttpServletRequest request) {
		approvals.deny(caller, body.userCode(), request.getRemoteAddr());
	}

	record DeviceCodeRequest(@Size(max = 100) @SafeName String clientName,
			@Size(max = 4) List<@NotNull @Pattern(regexp = Scope.PATTERN,
					message = "must be one of read, write, share, admin") String> scopes) {
	}

	record DeviceCodeResponse(String deviceCode, String userCode, String verificationUri,
			String verificationUriComplete, long expiresIn, long interval) {
	}

	record DeviceTokenRequest(@NotBlank @Size(max = 100) String deviceCode) {
	}

	record DeviceUserCodeRequest(@NotBlank @Size(max = 20) String userCode) {
	}

	/**
	 * What the approval page shows; the name is the device's own claim, the rest is ours.
	 */
	record DeviceView(String clientName, List<String> scopes, String ip, String userAgent, Instant requestedAt,
			Instant expiresAt) {

		static DeviceView of(DeviceRepository.DeviceAuthorization authorization) {
			return new DeviceView(authorization.clientName(), Scope.apiNames(authorization.scopes()),
					authorization.ip(), authorization.userAgent(), authorization.createdAt(),
					authorization.expiresAt());
		}

	}

}
