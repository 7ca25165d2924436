/**
 * The HTTP layer: security, problems, request ids. The module's table in
 * docs/architecture.md says what it owns.
 */
@ApplicationModule(displayName = "The HTTP layer",
		allowedDependencies = { "audit", "auth", "i18n", "limits", "protect" })
package dev.ferry.web;

import org.springframework.modulith.ApplicationModule;
