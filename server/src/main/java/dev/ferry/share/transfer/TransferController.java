package dev.ferry.share.transfer;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.transfer.TransferApi.ActivityView;
import dev.ferry.share.transfer.TransferApi.Change;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.LinkView;
import dev.ferry.share.transfer.TransferApi.NewTransfer;
import dev.ferry.share.transfer.TransferApi.NotifyResult;
import dev.ferry.share.transfer.TransferApi.Page;
import dev.ferry.share.transfer.TransferApi.RecipientView;
import dev.ferry.share.transfer.TransferApi.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

import static dev.ferry.share.transfer.TransferApi.iso;

@Tag(name = "share")
@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

	private final TransferService transfers;

	private final TransferLinks links;

	private final TransferNotices notices;

	private final TransferActivity activity;

	private final EncryptedTransfers encrypted;

	private final TransferCreation creation;

	TransferController(TransferService transfers, TransferLinks links, TransferNotices notices,
			TransferActivity activity, EncryptedTransfers encrypted, TransferCreation creation) {
		this.creation = creation;
		this.transfers = transfers;
		this.links = links;
		this.notices = notices;
		this.activity = activity;
		this.encrypted = encrypted;
	}

	@Operation(operationId = "createTransfer", summary = "Create a transfer",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = TransferView.class))))
	@PostMapping
	ResponseEntity<TransferView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewTransfer body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(creation.create(user, body));
	}

	@Operation(operationId = "listTransfers", summary = "List the caller's transfers")
	@GetMapping
	Page<TransferView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		TransferService.TransferPage page = transfers.list(user, status, cursor, limit);
		return new Page<>(page.items().stream().map((t) -> view(t, null)).toList(), page.nextCursor());
	}

	@Operation(operationId = "getTransfer", summary = "Get a transfer")
	@GetMapping("/{id}")
	TransferView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return view(transfers.get(user, id), null);
	}

	@Operation(operationId = "updateTransfer", summary = "Change a transfer")
	@PatchMapping("/{id}")
	TransferView update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody Change body) {
		return view(transfers.update(user, id, body, encrypted::checkChange), null);
	}

	@Operation(operationId = "revokeTransfer", summary = "Revoke a transfer and its links")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		transfers.revoke(user, id);
	}

	@Operation(operationId = "listTransferRecipients", summary = "List a transfer's recipients")
	@GetMapping("/{id}/recipients")
	Page<RecipientView> recipients(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		List<RecipientView> items = transfers.recipients(user, id)
			.stream()
			.map((r) -> new RecipientView(r.email(), iso(r.notifiedAt()), iso(r.verifiedAt()), iso(r.downloadedAt())))
			.toList();
		return new Page<>(items, null);
	}

	@Operation(operationId = "createShareLink", summary = "Create a share link for a transfer")
	@PostMapping("/{id}/share")
	ResponseEntity<LinkView> share(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) LinkOptions body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(links.create(user, id, body));
	}

	@Operation(operationId = "revokeShareLink", summary = "Revoke a share link")
	@DeleteMapping("/{id}/shares/{shareId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeShare(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String shareId) {
		links.revoke(user, id, shareId);
	}

	@Operation(operationId = "notifyRecipients", summary = "Mail the recipients a share link")
	@PostMapping("/{id}/notify")
	NotifyResult notify(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) LinkOptions body) {
		return notices.notify(user, id, body);
	}

	@Operation(operationId = "listTransferActivity", summary = "A transfer's downloads and link events")
	@GetMapping("/{id}/activity")
	Page<ActivityView> activity(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return activity.activity(user, id, cursor, limit);
	}

	private TransferView view(Transfer t, LinkView created) {
		return creation.view(t, created);
	}

}
