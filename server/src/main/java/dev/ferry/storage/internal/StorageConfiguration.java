package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import dev.ferry.FerryProperties;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.storage.StorageProperties;
import dev.ferry.storage.spi.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	/**
	 * The store {@code FERRY_STORAGE} names: {@code local} (a directory) or {@code s3} (a
	 * bucket shared by every node of a cluster).
	 */
	@Bean
	BlobStore blobStore(@Value("${ferry.storage.type:local}") String type, FerryProperties ferry,
			StorageProperties storage, S3Properties s3, SegmentCacheProperties cache, MeterRegistry registry) {
		return switch (type.trim().toLowerCase(Locale.ROOT)) {
			case "local", "" -> new LocalBlobStore(storage.dirOrDefault(ferry.dataDir()));
			case "s3" -> cached(s3Store(s3, registry), cache, ferry, registry);
			default -> throw new IllegalStateException("FERRY_STORAGE must be local or s3, not " + type);
		};
	}

	/** {@code FERRY_COMPRESSION}: zstd before encryption for new blobs, or off. */
	@Bean
	Compression compression(@Value("${ferry.storage.compression:zstd}") String value) {
		return Compression.parse(value);
	}

	@Bean
	WriteBehind writeBehind() {
		return new WriteBehind();
	}

	@Bean
	DataKeys dataKeys(KeyEncryptionKey kek, BlobRepository blobs, StorageProperties storage) {
		return new DataKeys(kek, blobs, storage);
	}

	/** The hot tier in front of S3 ({@code FERRY_CACHE_SIZE=0} turns it off). */
	private static BlobStore cached(S3BlobStore store, SegmentCacheProperties cache, FerryProperties ferry,
			MeterRegistry registry) {
		if (!cache.enabled()) {
			return store;
		}
		try {
			return new CachedBlobStore(store, cache.dirOrDefault(ferry.dataDir()), cache.size().toBytes(), registry);
		}
		catch (IOException ex) {
			store.close();
			throw new UncheckedIOException(ex);
		}
	}

	private static S3BlobStore s3Store(S3Properties properties, MeterRegistry registry) {
		S3BlobStore store = new S3BlobStore(S3Clients.create(properties), properties.bucket(), properties.partSize(),
				registry);
		try {
			store.ensureBucket();
		}
		catch (IOException ex) {
			store.close();
			throw new UncheckedIOException(ex);
		}
		return store;
	}

}
