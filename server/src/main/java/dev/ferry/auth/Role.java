package dev.ferry.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an account may do at most; API keys and grants can only narrow it. */
public enum Role {

	ADMIN(EnumSet.allOf(Scope.class)), USER(EnumSet.of(Scope.READ, Scope.WRITE, Scope.SHARE)),
	GUEST(EnumSet.of(Scope.READ));

	/** What request bodies may name; check it with bean validation before {@link #of}. */
	public static final String PATTERN = "(?i)admin|user|guest";

	private final Set<Scope> scopes;

	Role(Set<Scope> scopes) {
		this.scopes = scopes;
	}

	public Set<Scope> scopes() {
		return scopes;
	}

	/** The lower-case name the API uses. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role of(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

}
