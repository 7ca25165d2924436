package dev.ferry.files;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.auth.CurrentUser;
import dev.ferry.protect.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/files")
class FilesController {

	private final FileService files;

	private final FileRestrictions restrictions;

	private final TrashService trash;

	private final FolderService folders;

	FilesController(FileService files, FileRestrictions restrictions, TrashService trash, FolderService folders) {
		this.folders = folders;
		this.files = files;
		this.restrictions = restrictions;
		this.trash = trash;
	}

	/**
	 * The query is read as a map; the parameters are named for generated clients (SDKs).
	 */
	@Operation(operationId = "listFiles", summary = "List or search files and folders",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "path", schema = @Schema(type = "string"),
							description = "folder, e.g. /reports"),
					@Parameter(in = ParameterIn.QUERY, name = "recursive", schema = @Schema(type = "boolean"),
							description = "include sub-folders"),
					@Parameter(in = ParameterIn.QUERY, name = "name", schema = @Schema(type = "string"),
							description = "name contains"),
					@Parameter(in = ParameterIn.QUERY, name = "type", schema = @Schema(type = "string"),
							description = "MIME type or its prefix"),
					@Parameter(in = ParameterIn.QUERY, name = "min_size", schema = @Schema(type = "integer")),
					@Parameter(in = ParameterIn.QUERY, name = "max_size", schema = @Schema(type = "integer")),
					@Parameter(in = ParameterIn.QUERY, name = "created_after", schema = @Schema(type = "string"),
							description = "ISO-8601 time"),
					@Parameter(in = ParameterIn.QUERY, name = "created_before", schema = @Schema(type = "string"),
							description = "ISO-8601 time"),
					@Parameter(in = ParameterIn.QUERY, name = "sort", schema = @Schema(type = "string"),
							description = "name, size or created_at"),
					@Parameter(in = ParameterIn.QUERY, name = "order", schema = @Schema(type = "string"),
							description = "asc or desc"),
					@Parameter(in = ParameterIn.QUERY, name = "cursor", schema = @Schema(type = "string"),
							description = "next_cursor of the last page"),
					@Parameter(in = ParameterIn.QUERY, name = "limit", schema = @Schema(type = "integer")),
					@Parameter(in = ParameterIn.QUERY, name = "tag", schema = @Schema(type = "string"),
							description = "only files with this tag") })
	@GetMapping
	Page list(@AuthenticationPrincipal CurrentUser user,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		FileQuery query = FileQueries.parse(params);
		FileService.FilePage page = files.list(user, query);
		boolean firstPageOfAFolder = query.folder() != null && query.after() == null && !query.recursive();
		List<String> below = firstPageOfAFolder ? folders.children(user, query.folder()) : List.of();
		return new Page(page.items().stream().map(FileView::of).toList(), page.nextCursor(), below);
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
		// Everything that can be refused is, before anything is written: the networks are
		// checked, the move (which checks the name and the place) goes first.
		AccessRules rules = (change.allowedIps() != null) ? restrictions.check(change.allowedIps()) : null;
		FileRecord moved = files.move(user, id, change.folder(), change.name());
		return FileView.of((rules != null) ? restrictions.restrict(user, id, rules) : moved);
	}

	@Operation(operationId = "deleteFile",
			summary = "Delete a file: into the trash, or shredded at once with permanent=true")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean permanent) {
		trash.delete(user, id, permanent);
	}

	/**
	 * {@code next_cursor} is always present, null on the last page; {@code folders} the
	 * paths of the folders directly in the listed one (on the first page of a
	 * non-recursive listing with {@code path}), empty ones included.
	 */
	record Page(List<FileView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
			List<String> folders) {
	}

	record Change(String name, String folder, List<String> allowedIps) {
	}

}
