/**
 * Grants and groups: access to files and transfers given to other users or groups of
 * them.
 */
@ApplicationModule(displayName = "Share: grants and groups",
		allowedDependencies = { "audit", "auth", "files", "share", "share.transfer" })
package dev.ferry.share.grant;

import org.springframework.modulith.ApplicationModule;
