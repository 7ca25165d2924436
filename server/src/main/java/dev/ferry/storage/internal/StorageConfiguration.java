package dev.ferry.storage.internal;

import dev.ferry.FerryProperties;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.storage.StorageProperties;
import dev.ferry.storage.spi.BlobStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	BlobStore blobStore(FerryProperties ferry, StorageProperties storage) {
		return new LocalBlobStore(storage.dirOrDefault(ferry.dataDir()));
	}

	@Bean
	DataKeys dataKeys(KeyEncryptionKey kek, BlobRepository blobs, StorageProperties storage) {
		return new DataKeys(kek, blobs, storage);
	}

}
