package dev.ferry.auth;

import java.util.List;
import java.util.UUID;

/**
 * Accounts an identity provider manages (SCIM). Implemented by {@code auth.account}, so
 * provisioning follows the same rules as the admin API: accounts it makes have no
 * password (they sign in through SSO), suspending one ends its sessions at once, and the
 * last active admin is never suspended or deleted. Failures are {@link AuthException}s.
 */
public interface AccountProvisioning {

	/** A new account with the {@code user} role, active or suspended. */
	User create(String email, String name, boolean active);

	/**
	 * Changes email, name and standing; {@code active = false} suspends the account and
	 * revokes every session and refresh token it has.
	 */
	User update(UUID id, String email, String name, boolean active);

	/** Deletes the account and everything it owns. */
	void delete(UUID id);

	/**
	 * Up to {@code limit} accounts ordered by email, skipping the first {@code offset}.
	 */
	List<User> page(int offset, int limit);

	long count();

}
