package dev.ferry.auth.session;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.ferry.auth.CurrentUser;

/**
 * A verified caller: authorities are {@code ROLE_<role>} plus {@code SCOPE_<scope>}.
 */
class FerryAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;

	private final SessionRestriction restriction;

	FerryAuthentication(CurrentUser user) {
		this(user, null);
	}

	FerryAuthentication(CurrentUser user, SessionRestriction restriction) {
		super(authorities(user));
		this.user = user;
		this.restriction = restriction;
		setAuthenticated(true);
	}

	/** What the session is limited to, or null when it is not. */
	SessionRestriction restriction() {
		return restriction;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}

	@Override
	public String getName() {
		return user.userId().toString();
	}

	private static List<GrantedAuthority> authorities(CurrentUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		user.scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.name())));
		return authorities;
	}

}
