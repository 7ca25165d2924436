package dev.ferry.auth;

import java.util.EnumSet;
import java.util.Set;

/** What an account may do at most; API keys and grants can only narrow it. */
public enum Role {

	ADMIN(EnumSet.allOf(Scope.class)), USER(EnumSet.of(Scope.READ, Scope.WRITE, Scope.SHARE)),
	GUEST(EnumSet.of(Scope.READ));

	private final Set<Scope> scopes;

	Role(Set<Scope> scopes) {
		this.scopes = scopes;
	}

	public Set<Scope> scopes() {
		return scopes;
	}

}
