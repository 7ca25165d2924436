package dev.ferry.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's login page as the sign-in tests fill it in: the users of the test realm
 * ({@code server/src/test/resources/keycloak/ferry-realm.json}) and their passwords,
 * where the form posts to, and what it posts.
 */
public final class KeycloakForm {

	public static final Map<String, String> PASSWORDS = Map.of("admin", "admin-Keycloak-pass-1", "user",
			"user-Keycloak-pass-1", "guest", "guest-Keycloak-pass-1");

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"",
			Pattern.DOTALL);

	private KeycloakForm() {
	}

	/** Where the login form on {@code page} posts to. */
	public static String action(String page) {
		Matcher form = LOGIN_FORM.matcher(page);
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		return form.group(1).replace("&amp;", "&");
	}

	/** The form body that signs {@code username} in. */
	public static String body(String username) {
		return "username=" + username + "&password="
				+ URLEncoder.encode(PASSWORDS.get(username), StandardCharsets.UTF_8) + "&credentialId=";
	}

}
