package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.ferry.FerryProperties;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.storage.StorageProperties;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The storage module wired by hand over a fresh SQLite database and blob directory, for
 * tests that run outside Spring (jqwik properties, benchmarks).
 */
final class StorageFixture implements AutoCloseable {

	final Path dataDir;

	final KeyEncryptionKey kek;

	final LocalBlobStore store;

	final BlobRepository blobs;

	final EncryptedBlobStorage storage;

	StorageFixture() {
		try {
			this.dataDir = Files.createTempDirectory("ferry-storage-");
			DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:sqlite:"
					+ dataDir.resolve("ferry.db") + "?journal_mode=WAL&busy_timeout=15000&transaction_mode=IMMEDIATE");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").load().migrate();
			this.kek = new KeyEncryptionKey(properties(dataDir, null));
			StorageProperties storageProperties = new StorageProperties(null, Duration.ofHours(1), 100,
					Duration.ofMinutes(5));
			this.store = new LocalBlobStore(storageProperties.dirOrDefault(dataDir));
			this.blobs = new BlobRepository(JdbcClient.create(dataSource),
					new DataSourceTransactionManager(dataSource));
			this.storage = new EncryptedBlobStorage(blobs, new DataKeys(kek, storageProperties), store);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static FerryProperties properties(Path dataDir, String keysetFile) {
		return new FerryProperties(dataDir, keysetFile, null, new FerryProperties.Db(null, null, null),
				new FerryProperties.Admin(null, null), FerryProperties.Registration.INVITE,
				new FerryProperties.Tokens(Duration.ofMinutes(15), Duration.ofDays(30)));
	}

	@Override
	public void close() {
		try (Stream<Path> paths = Files.walk(dataDir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
