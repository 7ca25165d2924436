package dev.ferry.files;

import java.util.UUID;

/**
 * A file's content is new while its id stays: a new version (an upload onto it, a
 * restore) or the file encrypted with a passphrase. Published inside the transaction that
 * made the change where there is one. Whatever was derived from the old content
 * (previews, findings) is stale: it may show what the owner replaced or had shredded.
 */
public record FileContentChanged(UUID fileId, UUID ownerId) {
}
