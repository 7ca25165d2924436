package dev.ferry.files;

import java.util.UUID;

/**
 * A file came back from the trash, published inside the transaction that moved it. Work a
 * trashed file was skipped for (its personal-data scan) is due again.
 */
public record FileRestored(UUID fileId, UUID ownerId) {
}
