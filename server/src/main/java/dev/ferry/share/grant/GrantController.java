package dev.ferry.share.grant;

import java.util.List;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import dev.ferry.share.grant.GrantService.GrantView;
import dev.ferry.share.grant.GrantService.NewGrant;
import dev.ferry.share.grant.GrantService.SharedItem;
import dev.ferry.share.transfer.TransferApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Grants on files and transfers, and the grantee's view of what was shared with them. */
@Tag(name = "share")
@RestController
@RequestMapping("/api/v1")
class GrantController {

	private final GrantService grants;

	GrantController(GrantService grants) {
		this.grants = grants;
	}

	@Operation(operationId = "createGrant", summary = "Share a file or transfer with an account or group")
	@PostMapping("/{type:files|transfers}/{id}/grants")
	ResponseEntity<GrantView> grant(@AuthenticationPrincipal CurrentUser user, @PathVariable String type,
			@PathVariable String id, @RequestBody NewGrant body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(grants.grant(user, objectType(type), id, body));
	}

	@Operation(operationId = "listGrants", summary = "List who a file or transfer is shared with")
	@GetMapping("/{type:files|transfers}/{id}/grants")
	TransferApi.Page<GrantView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String type,
			@PathVariable String id) {
		return new TransferApi.Page<>(grants.list(user, objectType(type), id), null);
	}

	@Operation(operationId = "revokeGrant", summary = "Stop sharing a file or transfer with an account or group")
	@DeleteMapping("/{type:files|transfers}/{id}/grants/{grantId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String type, @PathVariable String id,
			@PathVariable String grantId) {
		grants.revoke(user, objectType(type), id, grantId);
	}

	@Operation(operationId = "listSharedWithMe", summary = "Files and transfers shared with the caller")
	@GetMapping("/shared-with-me")
	TransferApi.Page<SharedItem> sharedWithMe(@AuthenticationPrincipal CurrentUser user) {
		List<SharedItem> items = grants.sharedWithMe(user);
		return new TransferApi.Page<>(items, null);
	}

	@BinaryAnswer(ranges = true)
	@Operation(operationId = "downloadSharedFile", summary = "Download a file shared with the caller")
	@RequestMapping(path = "/shared-with-me/files/{fileId}/download",
			method = { RequestMethod.GET, RequestMethod.HEAD })
	void download(@AuthenticationPrincipal CurrentUser user, @PathVariable String fileId, HttpServletRequest request,
			HttpServletResponse response) {
		grants.download(user, fileId, request, response);
	}

	private static String objectType(String path) {
		return path.equals("files") ? Grant.FILE : Grant.TRANSFER;
	}

}
