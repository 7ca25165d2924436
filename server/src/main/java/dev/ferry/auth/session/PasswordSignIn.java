package dev.ferry.auth.session;

import dev.ferry.auth.ClientInfo;

/**
 * Sign-in with email and password, plugged in by {@code auth.password}: the sign-in
 * endpoint hands the credentials over and gets tokens or a second-factor challenge back.
 */
public interface PasswordSignIn {

	/**
	 * Checks the password; answers tokens, or a second-factor challenge when the account
	 * has one. {@code browser} asks for a browser session (idle timeout, cookie).
	 */
	SignInResult login(String email, String password, ClientInfo client, boolean browser);

}
