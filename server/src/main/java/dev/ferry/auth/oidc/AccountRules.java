package dev.ferry.auth.oidc;

import java.util.Map;

/**
 * How a sign-in provider's accounts become Ferry accounts, whatever the protocol:
 * {@code provider} keys the linked identities, {@code source} names the provider in the
 * audit trail and group sync. {@code rolesClaim} and {@code groupsClaim} name the claim
 * or attribute holding roles and groups; the rest is as in
 * {@link OidcProperties.Provider} ({@code trustUnverifiedEmail} for SAML, whose email
 * attribute is signed by the identity provider).
 */
public record AccountRules(String provider, String source, String rolesClaim, String adminRole, String guestRole,
		Map<String, String> roleMap, String defaultRole, String groupsClaim, Map<String, String> groupMap,
		boolean autoProvision, boolean linkByEmail, boolean trustUnverifiedEmail) {

	boolean mapsRoles() {
		return rolesClaim != null && !rolesClaim.isBlank();
	}

	boolean syncsGroups() {
		return groupsClaim != null && !groupsClaim.isBlank() && !groupMap.isEmpty();
	}

	/**
	 * Checks the role names at start-up, so a typo stops the start, not a sign-in later.
	 */
	public AccountRules validated() {
		new RoleMapping(this);
		return this;
	}

}
