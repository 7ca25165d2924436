package dev.ferry.share.request;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.request.UploadRequestApi.ArrivalView;
import dev.ferry.share.request.UploadRequestApi.NewRequest;
import dev.ferry.share.request.UploadRequestApi.RequestChange;
import dev.ferry.share.request.UploadRequestApi.RequestView;
import dev.ferry.share.transfer.TransferApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "share")
@RestController
@RequestMapping("/api/v1/upload-requests")
class UploadRequestController {

	private final UploadRequestService requests;

	UploadRequestController(UploadRequestService requests) {
		this.requests = requests;
	}

	@Operation(operationId = "createUploadRequest", summary = "Create an upload request")
	@PostMapping
	ResponseEntity<RequestView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(requests.create(user, body));
	}

	@Operation(operationId = "listUploadRequests", summary = "List the caller's upload requests")
	@GetMapping
	TransferApi.Page<RequestView> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return requests.list(user, cursor, limit);
	}

	@Operation(operationId = "getUploadRequest", summary = "Get an upload request")
	@GetMapping("/{id}")
	RequestView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return requests.get(user, id);
	}

	@Operation(operationId = "updateUploadRequestAccess",
			summary = "Change an upload request's access rules (allowed_ips, allowed_countries, denied_countries) "
					+ "and captcha")
	@PatchMapping("/{id}")
	RequestView update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody RequestChange body) {
		return requests.update(user, id, body);
	}

	@Operation(operationId = "revokeUploadRequest", summary = "Revoke an upload request")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		requests.revoke(user, id);
	}

	@Operation(operationId = "listUploadRequestFiles", summary = "Files that arrived for an upload request")
	@GetMapping("/{id}/files")
	TransferApi.Page<ArrivalView> files(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return new TransferApi.Page<>(requests.arrivals(user, id), null);
	}

}
