package dev.ferry.auth;

import java.util.UUID;

/**
 * Published inside the deleting transaction, before the account row goes, so modules that
 * own data of the user (files and their encrypted blobs) remove it first.
 */
public record UserDeletionStarted(UUID userId) {
}
