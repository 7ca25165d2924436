/**
 * Share links: creating and revoking them, the visitor's public share pages, downloads
 * (single files and ZIP), sessions, mailed codes and the sweeper. Exposes
 * {@link dev.ferry.share.link.LinkUnlock}, the "unlock a link" object upload requests use
 * too.
 */
@ApplicationModule(displayName = "Share: links", allowedDependencies = { "audit", "auth", "crypto", "files", "jobs",
		"limits", "notify", "pii", "preview", "protect", "share", "share.transfer", "watermark" })
package dev.ferry.share.link;

import org.springframework.modulith.ApplicationModule;
