package dev.ferry.files;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.Accounts;

import org.springframework.stereotype.Component;

/**
 * Names the accounts that uploaded versions. An account that no longer exists (erased)
 * names nobody, like content from before uploaders were recorded.
 */
@Component
class Uploaders {

	private final Accounts accounts;

	Uploaders(Accounts accounts) {
		this.accounts = accounts;
	}

	/** Who uploaded a version as the API shows it; {@code name} may be null. */
	record UploadedBy(String id, String name, String email) {
	}

	/** A lookup for one listing, asking for each account once. */
	Lookup lookup() {
		Map<UUID, Optional<UploadedBy>> seen = new HashMap<>();
		return (id) -> (id == null) ? null : seen.computeIfAbsent(id, this::find).orElse(null);
	}

	private Optional<UploadedBy> find(UUID id) {
		return accounts.find(id).map((user) -> new UploadedBy(user.id().toString(), user.name(), user.email()));
	}

	interface Lookup {

		UploadedBy of(UUID accountId);

	}

}
