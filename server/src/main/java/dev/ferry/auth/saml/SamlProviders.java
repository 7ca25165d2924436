package dev.ferry.auth.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.SignInOptions;
import dev.ferry.auth.SignInProviderReport;

import org.springframework.stereotype.Component;

/**
 * The configured SAML identity providers, each with its metadata read from its URL or
 * file on first use (and again after a failure), and how sign-ins through each have been
 * going, for the admin area; each is a button on the sign-in page.
 */
@Component
class SamlProviders implements SignInProviderReport, SignInOptions {

	private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

	private static final int METADATA_LIMIT = 1 << 20;

	private final Map<String, SamlProperties.Provider> providers = new LinkedHashMap<>();

	private final Map<String, IdpMetadata> metadata = new ConcurrentHashMap<>();

	private final Map<String, ProviderHealth> health = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(METADATA_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final SpEndpoints endpoints;

	SamlProviders(SamlProperties properties, SpEndpoints endpoints, Clock clock) {
		this.endpoints = endpoints;
		for (SamlProperties.Provider provider : properties.all()) {
			if (provider.id() == null || !provider.id().matches("[a-z0-9][a-z0-9_-]{0,57}")) {
				throw new IllegalStateException(
						"A SAML provider id must be 1-58 lower-case letters, digits, _ or -: " + provider.id());
			}
			if (provider.target() == null || provider.target().isBlank()) {
				throw new IllegalStateException("SAML provider " + provider.id() + " has no metadata URL or file");
			}
			if (providers.put(provider.id(), provider) != null) {
				throw new IllegalStateException("Two SAML providers are called " + provider.id());
			}
			provider.rules().validated();
			endpoints.readKeyFiles(provider);
			health.put(provider.id(), new ProviderHealth(clock));
		}
	}

	Optional<SamlProperties.Provider> find(String id) {
		return Optional.ofNullable(providers.get(id));
	}

	ProviderHealth status(String id) {
		return health.get(id);
	}

	/**
	 * The provider's metadata, read once; throws {@link SamlFailure} when it cannot be.
	 */
	IdpMetadata metadata(SamlProperties.Provider provider) {
		IdpMetadata known = metadata.get(provider.id());
		if (known != null) {
			return known;
		}
		try (InputStream in = open(provider)) {
			IdpMetadata read = IdpMetadata.read(SamlXml.parse(in));
			metadata.put(provider.id(), read);
			return read;
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new SamlFailure("metadata_failed", "Cannot read the metadata of " + provider.id(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SamlFailure("metadata_failed", "Interrupted reading the metadata of " + provider.id(), ex);
		}
	}

	private InputStream open(SamlProperties.Provider provider) throws IOException, InterruptedException {
		if (provider.metadataUrl() == null || provider.metadataUrl().isBlank()) {
			return Files.newInputStream(Path.of(provider.metadataFile()));
		}
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(URI.create(provider.metadataUrl())).timeout(METADATA_TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			response.body().close();
			throw new IOException("The metadata URL answered " + response.statusCode());
		}
		try (InputStream body = response.body()) {
			byte[] bytes = body.readNBytes(METADATA_LIMIT + 1);
			if (bytes.length > METADATA_LIMIT) {
				throw new IOException("The metadata is larger than " + METADATA_LIMIT + " bytes");
			}
			return new ByteArrayInputStream(bytes);
		}
	}

	@Override
	public List<ProviderHealth.Status> providers() {
		return providers.values()
			.stream()
			.map((provider) -> health.get(provider.id())
				.status("saml", provider.id(), provider.name(), provider.target(),
						Map.of("encryption", provider.requireEncryption() ? "required" : "optional", "logout_url",
								endpoints.logoutUrl(provider))))
			.toList();
	}

	@Override
	public List<Option> options() {
		return providers.values()
			.stream()
			.map((provider) -> new Option("saml", provider.id(), provider.name(),
					"/api/v1/auth/login/saml/" + provider.id()))
			.toList();
	}

}
