package dev.ferry.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Coarse permissions carried by a token or API key. {@code SCIM} is for API keys only: it
 * lets an identity provider provision accounts at {@code /scim/v2}, and only an admin's
 * role allows it.
 */
public enum Scope {

	READ, WRITE, SHARE, ADMIN, SCIM;

	/** What request bodies may name; check it with bean validation before {@link #of}. */
	public static final String PATTERN = "(?i)read|write|share|admin";

	/** What an API key may name: {@link #PATTERN} and {@code scim}. */
	public static final String KEY_PATTERN = "(?i)read|write|share|admin|scim";

	/** The lower-case name the API uses. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Set<Scope> of(Collection<String> names) {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		names.forEach((name) -> scopes.add(valueOf(name.trim().toUpperCase(Locale.ROOT))));
		return scopes;
	}

	public static List<String> apiNames(Collection<Scope> scopes) {
		return scopes.stream().sorted().map(Scope::apiName).toList();
	}

}
