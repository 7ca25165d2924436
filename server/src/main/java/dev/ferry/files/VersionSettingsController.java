package dev.ferry.files;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * Administrators set how many versions of each file an account keeps, overriding
 * {@code FERRY_VERSIONS_KEEP}; {@code keep: null} returns the account to the default.
 */
@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/admin/users/{id}/file-versions")
class VersionSettingsController {

	static final int MAX_KEEP = 1000;

	private final VersionRepository versions;

	private final AccessPolicy access;

	private final Accounts accounts;

	private final AuditLog audit;

	private final FilesProperties properties;

	VersionSettingsController(VersionRepository versions, AccessPolicy access, Accounts accounts, AuditLog audit,
			FilesProperties properties) {
		this.versions = versions;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
	}

	@Operation(operationId = "getAccountFileVersions", summary = "How many versions of each file an account keeps")
	@GetMapping
	Settings get(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id) {
		access.requireAdmin(admin, "file.versions.settings.read");
		return settings(account(id));
	}

	@Operation(operationId = "setAccountFileVersions",
			summary = "Set how many versions of each file an account keeps (null: the default)")
	@PutMapping
	Settings put(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, @RequestBody Change change) {
		access.requireAdmin(admin, "file.versions.settings.changed");
		UUID user = account(id);
		if (change.keep() != null && (change.keep() < 1 || change.keep() > MAX_KEEP)) {
			throw VersionProblems.invalidKeep("'keep' must be a whole number from 1 to " + MAX_KEEP + ", or null.");
		}
		versions.setKeep(user, change.keep());
		audit.record(AuditEvent.success("file.versions.settings.changed")
			.object("user", user)
			.detail("keep", change.keep()));
		return settings(user);
	}

	private UUID account(String id) {
		try {
			UUID user = UUID.fromString(id);
			if (accounts.find(user).isPresent()) {
				return user;
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the problem below
		}
		throw AuthException.notFound("user");
	}

	private Settings settings(UUID user) {
		Integer own = versions.keep(user).stream().boxed().findFirst().orElse(null);
		int fallback = properties.versions().keep();
		return new Settings(own, (own != null) ? own : fallback, fallback);
	}

	/**
	 * {@code keep} is the account's own number (null: none), {@code effective} what
	 * applies.
	 */
	record Settings(@JsonInclude(JsonInclude.Include.ALWAYS) Integer keep, int effective, int defaultKeep) {
	}

	record Change(Integer keep) {
	}

}
