package dev.ferry.admin;

/**
 * Storage one account uses; {@code quotaBytes} is the quota that applies to it (its own
 * or its role's default), null when unlimited.
 */
public record UserStorage(String userId, String email, String name, long bytes, long files, Long quotaBytes) {
}
