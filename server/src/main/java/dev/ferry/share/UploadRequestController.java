package dev.ferry.share;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.UploadRequestApi.ArrivalView;
import dev.ferry.share.UploadRequestApi.NewRequest;
import dev.ferry.share.UploadRequestApi.RequestView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/upload-requests")
class UploadRequestController {

	private final UploadRequestService requests;

	UploadRequestController(UploadRequestService requests) {
		this.requests = requests;
	}

	@PostMapping
	ResponseEntity<RequestView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(requests.create(user, body));
	}

	@GetMapping
	TransferApi.Page<RequestView> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return requests.list(user, cursor, limit);
	}

	@GetMapping("/{id}")
	RequestView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return requests.get(user, id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		requests.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/files")
	TransferApi.Page<ArrivalView> files(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return new TransferApi.Page<>(requests.arrivals(user, id), null);
	}

}
