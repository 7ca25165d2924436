/**
 * Operations: the data directory, the clock, health and metrics. The module's table in
 * docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {})
package dev.ferry.ops;

import org.springframework.modulith.ApplicationModule;
