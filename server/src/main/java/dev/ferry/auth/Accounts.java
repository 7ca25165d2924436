package dev.ferry.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Read access to accounts for other modules (quotas, sharing, notifications). */
@Service
public class Accounts {

	private final UserRepository users;

	Accounts(UserRepository users) {
		this.users = users;
	}

	public Optional<User> find(UUID id) {
		return users.findById(id);
	}

	/** By address, ignoring case and surrounding spaces. */
	public Optional<User> findByEmail(String email) {
		return users.findByEmail(email);
	}

	/** Active administrators, for notices every one of them should get. */
	public List<User> activeAdmins() {
		return users.activeAdmins();
	}

}
