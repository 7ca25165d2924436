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
import dev.ferry.testing.Databases;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The storage module wired by hand over a fresh database of the given vendor and a fresh
 * blob directory and KEK, for tests that run outside Spring (property-style tests, vendor
 * tests, the benchmark).
 */
final class StorageFixture implements AutoCloseable {

	final Path dataDir;

	final Databases.Fresh db;

	final KeyEncryptionKey kek;

	final LocalBlobStore store;

	final BlobRepository blobs;

	final DataKeys keys;

	final EncryptedBlobStorage storage;

	StorageFixture() {
		this(Databases.Vendor.SQLITE);
	}

	StorageFixture(Databases.Vendor vendor) {
		try {
			this.dataDir = Files.createTempDirectory("ferry-storage-");
			this.db = Databases.migrated(vendor);
			this.kek = new KeyEncryptionKey(properties(dataDir, null));
			StorageProperties storageProperties = new StorageProperties(null, Duration.ofHours(1), Duration.ofDays(1),
					100, Duration.ofMinutes(5));
			this.store = new LocalBlobStore(storageProperties.dirOrDefault(dataDir));
			this.blobs = new BlobRepository(db.jdbc(), new DataSourceTransactionManager(db.dataSource()));
			this.keys = new DataKeys(kek, blobs, storageProperties);
			this.storage = new EncryptedBlobStorage(blobs, keys, store, new Compression(true), new WriteBehind());
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
		db.close();
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
