package dev.ferry.files;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's trash: deleted files until they are restored or shredded. */
@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/trash")
class TrashController {

	private final TrashService trash;

	TrashController(TrashService trash) {
		this.trash = trash;
	}

	@Operation(operationId = "listTrash", summary = "List the caller's deleted files, newest first")
	@GetMapping
	Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		int size = FileQueries.parse(java.util.Map.of("limit", (limit != null) ? limit : "")).limit();
		List<TrashService.TrashView> items = trash.list(user, cursor, size + 1);
		boolean more = items.size() > size;
		List<TrashService.TrashView> page = more ? items.subList(0, size) : items;
		return new Page(page, more ? page.get(page.size() - 1).id() : null);
	}

	@Operation(operationId = "restoreFromTrash", summary = "Restore a deleted file to its folder")
	@PostMapping("/{id}/restore")
	FileView restore(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return FileView.of(trash.restore(user, id));
	}

	@Operation(operationId = "deleteFromTrash", summary = "Shred one deleted file for good")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		trash.remove(user, id);
	}

	@Operation(operationId = "emptyTrash", summary = "Shred every deleted file of the caller")
	@DeleteMapping
	Emptied empty(@AuthenticationPrincipal CurrentUser user) {
		return new Emptied(trash.empty(user));
	}

	/** {@code next_cursor}: the id of the page's last file, null on the last page. */
	record Page(List<TrashService.TrashView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
	}

	record Emptied(int purged) {
	}

}
