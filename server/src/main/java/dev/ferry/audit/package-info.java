/**
 * The audit trail: append-only, hash-chained. The module's table in docs/architecture.md
 * says what it owns.
 */
@ApplicationModule(displayName = "The audit trail", allowedDependencies = { "crypto", "ops" })
package dev.ferry.audit;

import org.springframework.modulith.ApplicationModule;
