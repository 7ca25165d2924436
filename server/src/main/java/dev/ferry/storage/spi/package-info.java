/**
 * The blob store extension point: implement {@link dev.ferry.storage.spi.BlobStore} to
 * keep ciphertext somewhere else than the local directory.
 */
@NamedInterface("spi")
package dev.ferry.storage.spi;

import org.springframework.modulith.NamedInterface;
