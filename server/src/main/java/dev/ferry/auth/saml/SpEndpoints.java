package dev.ferry.auth.saml;

import java.security.PrivateKey;

import dev.ferry.auth.PublicUrl;

import org.springframework.stereotype.Component;

/**
 * Ferry's side towards each identity provider: its entity id, the addresses the provider
 * sends to, and the metadata that announces them with Ferry's encryption certificate.
 */
@Component
class SpEndpoints {

	private final PublicUrl publicUrl;

	private final SpKeys keys;

	SpEndpoints(PublicUrl publicUrl, SpKeys keys) {
		this.publicUrl = publicUrl;
		this.keys = keys;
	}

	/** Ferry's entity id towards this provider: configured, else its metadata URL. */
	String entityId(SamlProperties.Provider provider) {
		return (provider.entityId() != null && !provider.entityId().isBlank()) ? provider.entityId()
				: publicUrl.resolve(base(provider) + "/metadata");
	}

	String consumerUrl(SamlProperties.Provider provider) {
		return publicUrl.resolve(base(provider) + "/acs");
	}

	/** Where the identity provider sends logout requests and responses. */
	String logoutUrl(SamlProperties.Provider provider) {
		return publicUrl.resolve(base(provider) + "/slo");
	}

	/** Ferry's service provider metadata for this provider. */
	String metadata(SamlProperties.Provider provider) {
		return SamlMessages.metadata(entityId(provider), consumerUrl(provider), logoutUrl(provider),
				keys.forProvider(provider).certificateText());
	}

	/**
	 * Reads an operator's key files at startup, so a bad one stops Ferry with the reason.
	 */
	void readKeyFiles(SamlProperties.Provider provider) {
		if (SpKeyFiles.configured(provider)) {
			keys.forProvider(provider);
		}
	}

	/** Ferry's signing key towards this provider. */
	PrivateKey signingKey(SamlProperties.Provider provider) {
		return keys.forProvider(provider).privateKey();
	}

	private static String base(SamlProperties.Provider provider) {
		return "/api/v1/auth/saml/" + provider.id();
	}

}
