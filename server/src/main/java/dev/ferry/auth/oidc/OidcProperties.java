package dev.ferry.auth.oidc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect providers. The common single provider comes from {@code FERRY_OIDC_*}
 * (id {@code oidc}); more can be listed in the configuration file under
 * {@code ferry.oidc.providers[n]} with the same fields plus an {@code id}.
 */
@ConfigurationProperties("ferry.oidc")
record OidcProperties(String issuer, String clientId, String clientSecret, @DefaultValue("Single sign-on") String name,
		@DefaultValue( {
				"openid", "email", "profile" }) List<String> scopes,
		String rolesClaim, String adminRole, String guestRole, @DefaultValue("true") boolean autoProvision,
		@DefaultValue("false") boolean linkByEmail, @DefaultValue List<Provider> providers){

	static final String ENVIRONMENT_PROVIDER = "oidc";

	/** Every configured provider, the environment's first. */
	List<Provider> all() {
		List<Provider> all = new ArrayList<>();
		if (issuer != null && !issuer.isBlank()) {
			all.add(new Provider(ENVIRONMENT_PROVIDER, name, issuer, clientId, clientSecret, scopes, rolesClaim,
					adminRole, guestRole, autoProvision, linkByEmail));
		}
		all.addAll(providers);
		return all;
	}

	/**
	 * One provider. {@code rolesClaim} names the ID token claim holding the user's roles
	 * or groups: containing {@code adminRole} makes a Ferry admin, {@code guestRole} a
	 * guest, anything else a user (re-read at every sign-in). {@code autoProvision}
	 * creates unknown users; {@code linkByEmail} signs a provider account in to an
	 * existing Ferry account with the same, provider-verified, email address.
	 */
	record Provider(String id, @DefaultValue("Single sign-on") String name, String issuer, String clientId,
			String clientSecret, @DefaultValue( {
					"openid", "email", "profile" }) List<String> scopes,
			String rolesClaim, String adminRole, String guestRole, @DefaultValue("true") boolean autoProvision,
			@DefaultValue("false") boolean linkByEmail){

		boolean mapsRoles() {
			return rolesClaim != null && !rolesClaim.isBlank();
		}

	}

}
