package dev.ferry.storage.spi;

import java.time.Instant;

/** A committed object as listed by {@link BlobStore#list(String)}. */
public record StoredObject(String key, long size, Instant lastModified) {
}
