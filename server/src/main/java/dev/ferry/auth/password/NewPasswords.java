package dev.ferry.auth.password;

import java.time.Clock;
import java.util.UUID;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A new password for an account: judged by the {@link PasswordPolicy} (history included),
 * stored hashed, and remembered so it cannot come back.
 */
@Component
class NewPasswords {

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final UserRepository users;

	private final Clock clock;

	NewPasswords(PasswordPolicy policy, PasswordEncoder encoder, UserRepository users, Clock clock) {
		this.policy = policy;
		this.encoder = encoder;
		this.users = users;
		this.clock = clock;
	}

	/** Refuses {@code password} (as the request's {@code field}) if the policy does. */
	void check(String field, String password, UUID userId) {
		this.policy.check(field, password, userId);
	}

	void set(User user, String password) {
		String hash = this.encoder.encode(password);
		this.users.setPassword(user.id(), hash, this.clock.instant());
		this.policy.remember(user.id(), hash);
	}

}
