package dev.ferry.files;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tags on their files; list files by tag with {@code GET /files?tag=}. */
@Tag(name = "files")
@RestController
class TagsController {

	private final TagService tags;

	TagsController(TagService tags) {
		this.tags = tags;
	}

	@Operation(operationId = "getFileTags", summary = "A file's tags")
	@GetMapping("/api/v1/files/{id}/tags")
	Tags get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return new Tags(tags.of(user, id));
	}

	@Operation(operationId = "setFileTags", summary = "Replace a file's tags")
	@PutMapping("/api/v1/files/{id}/tags")
	Tags set(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody Tags body) {
		return new Tags(tags.set(user, id, body.tags()));
	}

	@Operation(operationId = "listTags", summary = "The caller's tags with how many files carry each")
	@GetMapping("/api/v1/tags")
	Counts counts(@AuthenticationPrincipal CurrentUser user) {
		return new Counts(tags.counts(user));
	}

	record Tags(List<String> tags) {
	}

	record Counts(List<TagRepository.TagCount> items) {
	}

}
