package dev.ferry.auth;

import java.util.Optional;

/**
 * Sign-in for protocols other than HTTP (SFTP): the password, and the TOTP or recovery
 * code when the account has a second factor, checked in one step without opening a
 * session, with the HTTP login's guessing limits and audit. Implemented by
 * {@code auth.mfa}, so other modules ask auth's API, not a nested module.
 */
public interface ProtocolSignIn {

	/**
	 * The active account whose password (and, if it has a second factor, {@code code})
	 * match, and whose network rules admit {@code client}; {@code code} is null when the
	 * client had no way to send one.
	 */
	Optional<User> check(String channel, String email, String password, String code, ClientInfo client);

	/**
	 * Why a sign-in with a key the account registered (an SSH key) is refused now: the
	 * account is {@code suspended}, must first enroll the second factor the security
	 * policy requires of it ({@code mfa_enrollment_required}), or the directory that
	 * provisioned it withdrew it ({@code not_in_directory},
	 * {@code disabled_in_directory}); empty to let it in.
	 */
	Optional<String> keyRefusal(User user);

}
