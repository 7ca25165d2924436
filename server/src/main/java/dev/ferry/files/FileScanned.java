package dev.ferry.files;

import java.util.UUID;

/**
 * Published in the transaction that settled a file's malware scan: {@code status} is
 * {@code clean}, {@code infected} (with the {@code signature}) or {@code error}.
 */
public record FileScanned(UUID fileId, UUID ownerId, String path, String status, String signature) {
}
