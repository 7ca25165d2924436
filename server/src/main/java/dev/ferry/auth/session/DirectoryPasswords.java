package dev.ferry.auth.session;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.ferry.auth.User;

/**
 * Passwords checked by a directory (LDAP, Active Directory) instead of Ferry, plugged in
 * by {@code auth.ldap}. {@link FirstFactor} asks it for every sign-in it {@link #decides
 * decides}; the password module asks it which accounts have no Ferry password to change
 * or reset.
 */
public interface DirectoryPasswords {

	/**
	 * Whether the directory checks this sign-in: an address without a Ferry account, or
	 * an account the directory provisioned. An account with a Ferry password keeps it.
	 */
	boolean decides(Optional<User> account);

	/** Whether the account's password lives in the directory. */
	boolean manages(UUID userId);

	/**
	 * Binds as the directory entry behind {@code login} with {@code password}; answers
	 * the account (provisioned or brought in step) or why not. {@code beforeBind} gets
	 * the entry's DN once it is found, before the password is tried, and may refuse by
	 * throwing: one entry answers to several logins (mail, user principal name, uid), so
	 * its guessing limit is counted by the entry, not by what was typed.
	 */
	FirstFactor.Outcome authenticate(String login, Optional<User> account, String password,
			Consumer<String> beforeBind);

	/**
	 * Why the directory no longer admits this account it provisioned (its entry removed
	 * or disabled there), or empty while it does, for other accounts, and when the
	 * directory cannot be asked: a session refresh then ends all the account's sessions.
	 */
	Optional<String> withdrawal(UUID userId);

}
