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
	 * The account as it is now, its row locked until the transaction ends: read it here
	 * before building a change from what it holds, or a change committed meanwhile (a
	 * suspension) is undone by the stale values.
	 */
	User current(UUID id);

	/**
	 * Changes email, name and standing; {@code active = false} suspends the account and
	 * revokes every session and refresh token it has. An administrator's email is not the
	 * identity provider's to change (a leaked SCIM key would otherwise redirect the
	 * admin's password reset): refused with 403.
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
