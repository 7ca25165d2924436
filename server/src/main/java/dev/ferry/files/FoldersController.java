package dev.ferry.files;

import java.net.URI;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating and deleting an empty folder, and renaming or moving a folder, which is moving
 * every file below it as a bulk job (a folder with files needs no row: it exists while a
 * file lies in it).
 */
@Tag(name = "files")
@RestController
class FoldersController {

	private final BulkService bulk;

	private final FolderService folders;

	FoldersController(BulkService bulk, FolderService folders) {
		this.bulk = bulk;
		this.folders = folders;
	}

	@Operation(operationId = "createFolder", summary = "Create an empty folder")
	@PostMapping("/api/v1/folders")
	ResponseEntity<FolderService.Created> create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody NewFolder body) {
		FolderService.Created created = folders.create(user, (body != null) ? body.path() : null);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	@Operation(operationId = "deleteFolder", summary = "Delete an empty folder",
			description = "Only a folder with nothing in it: 409 folder-not-empty otherwise, 404 folder-not-found"
					+ " when there is no such folder.")
	@DeleteMapping("/api/v1/folders")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "The folder, e.g. /reports/2026") @RequestParam(required = false) String path) {
		folders.delete(user, path);
	}

	@Operation(operationId = "moveFolder", summary = "Rename or move a folder with everything below it")
	@PostMapping("/api/v1/folders/move")
	ResponseEntity<BulkController.JobView> move(@AuthenticationPrincipal CurrentUser user, @RequestBody Move move) {
		if (move == null || move.from() == null || move.to() == null) {
			throw BulkProblems.invalid("Send the folder to move as 'from' and where it goes as 'to'.");
		}
		BulkJob job = bulk.moveFolder(user, move.from(), move.to(), BulkItems.MoveConflict.parse(move.onConflict()));
		if (BulkJob.DONE.equals(job.status())) {
			return ResponseEntity.ok(BulkController.JobView.of(job));
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/files/bulk/" + job.id()))
			.body(BulkController.JobView.of(job));
	}

	record Move(String from, String to, String onConflict) {
	}

	record NewFolder(String path) {
	}

}
