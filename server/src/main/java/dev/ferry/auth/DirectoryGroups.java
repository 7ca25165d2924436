package dev.ferry.auth;

import java.util.Set;
import java.util.UUID;

/**
 * Group memberships that follow an identity provider or directory: at each sign-in the
 * account becomes a member of exactly those of the {@code managed} Ferry groups that
 * {@code memberOf} names, and stays as it was in every other group. Implemented by
 * {@code share.grant}, which owns groups, so sign-in modules ask auth's API.
 */
public interface DirectoryGroups {

	/**
	 * Syncs {@code user}'s memberships in the {@code managed} groups (created when
	 * missing); {@code source} names the provider in the audit trail.
	 */
	void sync(User user, String source, Set<String> managed, Set<String> memberOf);

}
