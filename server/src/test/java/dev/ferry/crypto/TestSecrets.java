package dev.ferry.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import dev.ferry.FerryProperties;
import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real {@link ServerSecrets} and {@link KeyEncryptionKey} outside a Spring context, for
 * repository tests that build their module's classes by hand over a
 * {@code Databases.Fresh} database: a new key-encryption keyset in a temporary directory
 * seals the secrets in that database.
 */
public final class TestSecrets {

	private TestSecrets() {
	}

	public static ServerSecrets over(JdbcClient jdbc, SqlDialect dialect) {
		return new ServerSecrets(jdbc, kek(), dialect);
	}

	/** A new key-encryption keyset in a temporary directory. */
	public static KeyEncryptionKey kek() {
		try {
			Path dir = Files.createTempDirectory("ferry-keys-");
			FerryProperties properties = new FerryProperties(dir, null, null, new FerryProperties.Db(null, null, null),
					new FerryProperties.Admin(null, null), FerryProperties.Registration.INVITE,
					new FerryProperties.Tokens(Duration.ofMinutes(15), Duration.ofDays(30)));
			return new KeyEncryptionKey(properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
