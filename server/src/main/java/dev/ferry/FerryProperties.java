package dev.ferry;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment-wide settings. Every field is bound from a {@code FERRY_*} environment
 * variable in {@code application.yml}; docs/configuration.md lists them with defaults.
 */
@ConfigurationProperties("ferry")
public record FerryProperties(@DefaultValue("./ferry-data") Path dataDir, String keysetFile, String publicUrl,
		@DefaultValue Db db, @DefaultValue Admin admin, @DefaultValue("invite") Registration registration,
		@DefaultValue Tokens tokens) {

	/** Where the key-encryption keyset lives: outside the blob directory. */
	public Path keysetPath() {
		return (keysetFile == null || keysetFile.isBlank()) ? dataDir.resolve("keys").resolve("kek.json")
				: Path.of(keysetFile);
	}

	public record Db(String url, String username, String password) {
	}

	public record Admin(String email, String password) {
	}

	public enum Registration {

		OPEN, INVITE, CLOSED

	}

	public record Tokens(@DefaultValue("15m") Duration accessTtl, @DefaultValue("30d") Duration refreshTtl) {
	}

}
