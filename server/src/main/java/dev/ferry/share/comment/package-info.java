/**
 * Comments on files and transfers: everyone in the object's audience (its owner and its
 * grantees, through {@link dev.ferry.share.grant.Audiences}) reads and writes them;
 * {@code @email} mentions of audience members are mailed.
 */
@ApplicationModule(displayName = "Share: comments",
		allowedDependencies = { "audit", "auth", "notify", "share", "share.grant", "share.transfer" })
package dev.ferry.share.comment;

import org.springframework.modulith.ApplicationModule;
