package dev.ferry.share.comment;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.comment.CommentService.CommentView;
import dev.ferry.share.transfer.TransferApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Comments on files and transfers, for their owner and grantees. */
@Tag(name = "share")
@RestController
@RequestMapping("/api/v1")
class CommentController {

	private final CommentService comments;

	CommentController(CommentService comments) {
		this.comments = comments;
	}

	@Operation(operationId = "createComment", summary = "Comment on a file or transfer; @email mentions are mailed")
	@PostMapping("/{type:files|transfers}/{id}/comments")
	ResponseEntity<CommentView> create(@AuthenticationPrincipal CurrentUser user, @PathVariable String type,
			@PathVariable String id, @RequestBody NewComment body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(comments.add(user, objectType(type), id, body.body()));
	}

	@Operation(operationId = "listComments", summary = "Comments on a file or transfer, oldest first")
	@GetMapping("/{type:files|transfers}/{id}/comments")
	TransferApi.Page<CommentView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String type,
			@PathVariable String id) {
		return new TransferApi.Page<>(comments.list(user, objectType(type), id), null);
	}

	@Operation(operationId = "deleteComment", summary = "Delete a comment (its author or the object's owner)")
	@DeleteMapping("/{type:files|transfers}/{id}/comments/{commentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String type, @PathVariable String id,
			@PathVariable String commentId) {
		comments.delete(user, objectType(type), id, commentId);
	}

	private static String objectType(String pathType) {
		return "files".equals(pathType) ? "file" : "transfer";
	}

	record NewComment(String body) {
	}

}
