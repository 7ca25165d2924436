package dev.ferry.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** The account itself in a data export: everything but the password hash. */
@Component
class AccountPersonalData implements PersonalData {

	private final UserRepository users;

	AccountPersonalData(UserRepository users) {
		this.users = users;
	}

	@Override
	public String section() {
		return "account";
	}

	@Override
	public Object about(UUID userId) {
		return users.findById(userId)
			.map((user) -> new Account(user.id().toString(), user.email(), user.name(), user.role().apiName(),
					user.status().name().toLowerCase(Locale.ROOT), user.quotaBytes(), user.passwordHash() != null,
					user.createdAt(), user.updatedAt()))
			.orElse(null);
	}

	record Account(String id, String email, String name, String role, String status, Long quotaBytes,
			boolean hasPassword, Instant createdAt, Instant updatedAt) {
	}

}
