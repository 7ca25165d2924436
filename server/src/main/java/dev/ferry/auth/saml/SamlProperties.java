package dev.ferry.auth.saml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.auth.ProviderUrls;
import dev.ferry.auth.oidc.AccountRules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SAML 2.0 identity providers. The common single provider comes from {@code FERRY_SAML_*}
 * (id {@code saml}); more can be listed in the configuration file under
 * {@code ferry.saml.providers[n]} with the same fields plus an {@code id}. The
 * environment's role and group maps are one string each, {@code value=target} pairs
 * separated by commas; a listed provider's are YAML maps.
 */
@ConfigurationProperties("ferry.saml")
record SamlProperties(String metadataUrl, String metadataFile, @DefaultValue("SAML sign-on") String name,
		String entityId, @DefaultValue("email") String emailAttribute,
		@DefaultValue("displayName") String nameAttribute, String rolesAttribute, String adminRole, String guestRole,
		String roleMap, @DefaultValue("user") String defaultRole, String groupsAttribute, String groupMap,
		@DefaultValue("true") boolean autoProvision, @DefaultValue("false") boolean linkByEmail,
		@DefaultValue("false") boolean idpInitiated, @DefaultValue("false") boolean requireEncryption, String spKeyFile,
		String spCertFile, @DefaultValue List<Provider> providers) {

	static final String ENVIRONMENT_PROVIDER = "saml";

	/** Every configured provider, the environment's first. */
	List<Provider> all() {
		List<Provider> all = new ArrayList<>();
		if (blank(metadataUrl) != null || blank(metadataFile) != null) {
			all.add(new Provider(ENVIRONMENT_PROVIDER, name, metadataUrl, metadataFile, entityId, emailAttribute,
					nameAttribute, rolesAttribute, adminRole, guestRole, pairs(roleMap), defaultRole, groupsAttribute,
					pairs(groupMap), autoProvision, linkByEmail, idpInitiated, requireEncryption, spKeyFile,
					spCertFile));
		}
		all.addAll(providers);
		return all;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** {@code a=b,c=d} as a map; a pair without {@code =} is a configuration error. */
	static Map<String, String> pairs(String text) {
		Map<String, String> map = new LinkedHashMap<>();
		if (blank(text) == null) {
			return map;
		}
		for (String pair : text.split(",")) {
			int equals = pair.lastIndexOf('=');
			if (equals <= 0 || equals == pair.length() - 1) {
				throw new IllegalStateException("Expected value=target in the SAML role or group map, got: " + pair);
			}
			map.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
		}
		return map;
	}

	/**
	 * One identity provider, its metadata read from {@code metadataUrl} or
	 * {@code metadataFile}. {@code entityId} is Ferry's own entity id towards it (by
	 * default the URL of Ferry's metadata for this provider). The attributes named
	 * {@code emailAttribute}, {@code nameAttribute}, {@code rolesAttribute} and
	 * {@code groupsAttribute} are read from the assertion; roles and groups map to Ferry
	 * roles and groups as for OpenID Connect. {@code idpInitiated} also accepts responses
	 * no request of Ferry's asked for (sign-in started at the identity provider).
	 * {@code requireEncryption} refuses assertions the provider did not encrypt to Ferry.
	 * {@code spKeyFile} and {@code spCertFile} (PEM) replace the key pair Ferry makes for
	 * signing and decryption towards this provider.
	 */
	record Provider(String id, @DefaultValue("SAML sign-on") String name, String metadataUrl, String metadataFile,
			String entityId, @DefaultValue("email") String emailAttribute,
			@DefaultValue("displayName") String nameAttribute, String rolesAttribute, String adminRole,
			String guestRole, @DefaultValue Map<String, String> roleMap, @DefaultValue("user") String defaultRole,
			String groupsAttribute, @DefaultValue Map<String, String> groupMap,
			@DefaultValue("true") boolean autoProvision, @DefaultValue("false") boolean linkByEmail,
			@DefaultValue("false") boolean idpInitiated, @DefaultValue("false") boolean requireEncryption,
			String spKeyFile, String spCertFile) {

		Provider {
			ProviderUrls.requireHttps(metadataUrl, "The SAML metadata URL of provider '" + id + "'");
		}

		/** The key of this provider's linked identities, apart from OIDC providers'. */
		String source() {
			return "saml:" + id;
		}

		AccountRules rules() {
			return new AccountRules(source(), source(), rolesAttribute, adminRole, guestRole, roleMap, defaultRole,
					groupsAttribute, groupMap, autoProvision, linkByEmail, true);
		}

		/** Where the metadata comes from, for the admin area. */
		String target() {
			return (blank(metadataUrl) != null) ? metadataUrl : metadataFile;
		}

	}

}
