package dev.ferry.auth;

import java.util.UUID;

/**
 * A sign-in from a device the account never used before (not its very first), from
 * {@code address}. The defender scores it: many new devices from one address in a short
 * time is what a successful credential-stuffing run looks like.
 */
public record NewDeviceSignIn(UUID userId, String address) {
}
