package dev.ferry.auth;

import dev.ferry.FerryProperties;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base address people reach this server at, for links the server hands out:
 * {@code ferry.public-url} when set, else the address and port it listens on.
 */
@Component
public class PublicUrl {

	private final FerryProperties properties;

	private final Environment environment;

	PublicUrl(FerryProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** The base without a trailing slash, followed by {@code path}. */
	public String resolve(String path) {
		String configured = properties.publicUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.replaceAll("/+$", "") + path;
		}
		String address = environment.getProperty("server.address", "localhost");
		if (address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)) {
			address = "localhost";
		}
		else if (address.contains(":")) {
			address = "[" + address + "]";
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://" + address + ":" + port + path;
	}

}
