/**
 * Keys and secrets: the key-encryption key, sealed columns, server secrets, tokens. The
 * module's table in docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Keys and secrets", allowedDependencies = { "ops" })
package dev.ferry.crypto;

import org.springframework.modulith.ApplicationModule;
