package dev.ferry.files;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/files")
class FilesController {

	private final FileService files;

	private final FileRestrictions restrictions;

	FilesController(FileService files, FileRestrictions restrictions) {
		this.files = files;
		this.restrictions = restrictions;
	}

	@Operation(operationId = "listFiles", summary = "List or search files and folders")
	@GetMapping
	Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params) {
		FileService.FilePage page = files.list(user, FileQueries.parse(params));
		return new Page(page.items().stream().map(FileView::of).toList(), page.nextCursor());
	}

	@Operation(operationId = "getFile", summary = "Get a file's metadata")
	@GetMapping("/{id}")
	FileView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return FileView.of(files.get(user, id));
	}

	@Operation(operationId = "updateFile",
			summary = "Rename or move a file, or set the networks it may be downloaded from (allowed_ips)")
	@PatchMapping("/{id}")
	FileView patch(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody Change change) {
		if (change.allowedIps() != null) {
			restrictions.restrict(user, id, change.allowedIps());
		}
		return FileView.of(files.move(user, id, change.folder(), change.name()));
	}

	@Operation(operationId = "deleteFile", summary = "Delete a file")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		files.delete(user, id);
		return ResponseEntity.noContent().build();
	}

	/** {@code next_cursor} is always present, null on the last page. */
	record Page(List<FileView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
	}

	record Change(String name, String folder, List<String> allowedIps) {
	}

}
