package dev.ferry.auth;

import java.util.List;

/**
 * Sign-in buttons a nested sign-in module adds to the sign-in page
 * ({@code GET /api/v1/auth/providers}), after password, passkey and OpenID Connect.
 */
public interface SignInOptions {

	List<Option> options();

	/** One button: {@code type} its protocol, {@code startUrl} where the browser goes. */
	record Option(String type, String id, String name, String startUrl) {
	}

}
