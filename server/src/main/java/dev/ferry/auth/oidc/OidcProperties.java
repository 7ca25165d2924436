package dev.ferry.auth.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.auth.ProviderUrls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect providers. The common single provider comes from {@code FERRY_OIDC_*}
 * (id {@code oidc}); more can be listed in the configuration file under
 * {@code ferry.oidc.providers[n]} with the same fields plus an {@code id}. The
 * environment's role and group maps are one string each, {@code value=target} pairs
 * separated by commas; a listed provider's are YAML maps.
 */
@ConfigurationProperties("ferry.oidc")
record OidcProperties(String issuer, String clientId, String clientSecret, @DefaultValue("Single sign-on") String name,
		@DefaultValue( {
				"openid", "email", "profile" }) List<String> scopes,
		String rolesClaim, String adminRole, String guestRole, String roleMap, @DefaultValue("user") String defaultRole,
		String groupsClaim, String groupMap, @DefaultValue("true") boolean autoProvision,
		@DefaultValue("false") boolean linkByEmail, @DefaultValue("false") boolean trustUnverifiedEmail,
		@DefaultValue List<Provider> providers){

	static final String ENVIRONMENT_PROVIDER = "oidc";

	/** Every configured provider, the environment's first. */
	List<Provider> all() {
		List<Provider> all = new ArrayList<>();
		if (issuer != null && !issuer.isBlank()) {
			all.add(new Provider(ENVIRONMENT_PROVIDER, name, issuer, clientId, clientSecret, scopes, rolesClaim,
					adminRole, guestRole, pairs(roleMap), defaultRole, groupsClaim, pairs(groupMap), autoProvision,
					linkByEmail, trustUnverifiedEmail));
		}
		all.addAll(providers);
		return all;
	}

	/** {@code a=b,c=d} as a map; a pair without {@code =} is a configuration error. */
	static Map<String, String> pairs(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return map;
		}
		for (String pair : text.split(",")) {
			int equals = pair.lastIndexOf('=');
			if (equals <= 0 || equals == pair.length() - 1) {
				throw new IllegalStateException("Expected value=target in the OIDC role or group map, got: " + pair);
			}
			map.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
		}
		return map;
	}

	/**
	 * One provider. {@code rolesClaim} is the dotted path of the claim holding the user's
	 * roles or groups ({@code realm_access.roles}), looked up in the ID token, the
	 * UserInfo answer and the access token; {@code roleMap} maps its values to Ferry
	 * roles (with {@code adminRole} and {@code guestRole} as shorthands), the highest
	 * matching one wins, and none matching gives {@code defaultRole} (re-read at every
	 * sign-in). {@code groupsClaim} and {@code groupMap} keep the Ferry groups named in
	 * the map in step with the provider's groups. {@code autoProvision} creates unknown
	 * users; {@code linkByEmail} signs a provider account in to an existing Ferry account
	 * with the same, provider-verified, email address. A new account is only made for an
	 * address the provider marks verified ({@code email_verified}), unless
	 * {@code trustUnverifiedEmail} says its addresses are the directory's to give (Entra
	 * ID sends no such claim): else anyone whose provider account shows someone else's
	 * address would get the account, and the grants, meant for that address.
	 */
	record Provider(String id, @DefaultValue("Single sign-on") String name, String issuer, String clientId,
			String clientSecret, @DefaultValue( {
					"openid", "email", "profile" }) List<String> scopes,
			String rolesClaim, String adminRole, String guestRole, @DefaultValue Map<String, String> roleMap,
			@DefaultValue("user") String defaultRole, String groupsClaim, @DefaultValue Map<String, String> groupMap,
			@DefaultValue("true") boolean autoProvision, @DefaultValue("false") boolean linkByEmail,
			@DefaultValue("false") boolean trustUnverifiedEmail){

		Provider {
			ProviderUrls.requireHttps(issuer, "The OIDC issuer of provider '" + id + "'");
		}

		AccountRules rules() {
			return new AccountRules(id, "oidc:" + id, rolesClaim, adminRole, guestRole, roleMap, defaultRole,
					groupsClaim, groupMap, autoProvision, linkByEmail, trustUnverifiedEmail);
		}

	}

}
