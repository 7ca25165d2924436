package dev.ferry.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.ProviderUrls;
import dev.ferry.auth.SignInProviderReport;

import org.springframework.stereotype.Component;

/**
 * The configured OpenID Connect providers, each discovered from its issuer URL on first
 * use (and again after a failure), with an ID token validator that keeps the provider's
 * signing keys cached; and how sign-ins through each have been going, for the admin area.
 */
@Component
class OidcProviders implements SignInProviderReport {

	/**
	 * How far the provider's clock may be off; the same margin for both expiry checks.
	 */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final Map<String, OidcProperties.Provider> providers = new LinkedHashMap<>();

	private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

	private final Map<String, ProviderHealth> health = new ConcurrentHashMap<>();

	OidcProviders(OidcProperties properties, Clock clock) {
		for (OidcProperties.Provider provider : properties.all()) {
			if (provider.id() == null || !provider.id().matches("[a-z0-9][a-z0-9_-]{0,63}")) {
				throw new IllegalStateException(
						"An OIDC provider id must be 1-64 lower-case letters, digits, _ or -: " + provider.id());
			}
			if (provider.clientId() == null || provider.clientId().isBlank()) {
				throw new IllegalStateException("OIDC provider " + provider.id() + " has no client id");
			}
			if (providers.put(provider.id(), provider) != null) {
				throw new IllegalStateException("Two OIDC providers are called " + provider.id());
			}
			// an unknown role name in the map stops the start, not a sign-in later
			provider.rules().validated();
			health.put(provider.id(), new ProviderHealth(clock));
		}
	}

	List<OidcProperties.Provider> all() {
		return List.copyOf(providers.values());
	}

	Optional<OidcProperties.Provider> find(String id) {
		return Optional.ofNullable(providers.get(id));
	}

	ProviderHealth status(String id) {
		return health.get(id);
	}

	@Override
	public List<ProviderHealth.Status> providers() {
		return providers.values()
			.stream()
			.map((provider) -> health.get(provider.id())
				.status("oidc", provider.id(), provider.name(), provider.issuer()))
			.toList();
	}

	/** The provider's metadata and validator; throws when discovery fails. */
	Discovered discover(OidcProperties.Provider provider) {
		return discovered.computeIfAbsent(provider.id(), (id) -> {
			try {
				OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), 5000, 5000);
				// The keys come from jwks_uri and the client secret goes to the token
				// endpoint: a provider behind a misconfigured proxy may name http ones.
				for (URI endpoint : new URI[] { metadata.getJWKSetURI(), metadata.getTokenEndpointURI(),
						metadata.getUserInfoEndpointURI() }) {
					ProviderUrls.requireHttps((endpoint != null) ? endpoint.toString() : null,
							"The endpoint its discovery names");
				}
				List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
				Set<JWSAlgorithm> accepted = (algorithms == null || algorithms.isEmpty()) ? Set.of(JWSAlgorithm.RS256)
						: Set.copyOf(algorithms);
				JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build();
				IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(),
						new ClientID(provider.clientId()), new JWSVerificationKeySelector<>(accepted, keys), null);
				validator.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
				return new Discovered(metadata, validator, new JWSVerificationKeySelector<>(accepted, keys));
			}
			catch (GeneralException | IOException | IllegalStateException ex) {
				throw new OidcFailure("discovery_failed", "Discovery of " + provider.issuer() + " failed", ex);
			}
		});
	}

	/**
	 * What discovery found: the metadata, the ID token validator and the provider's
	 * signing keys (which verify its JWT access tokens too).
	 */
	record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator,
			JWSVerificationKeySelector<SecurityContext> signingKeys) {
	}

}
