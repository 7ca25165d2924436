/**
 * Upload requests: links through which people without an account upload files into the
 * owner's folder, unlocked the same way as share links.
 */
@ApplicationModule(displayName = "Share: upload requests", allowedDependencies = { "audit", "auth", "crypto", "files",
		"notify", "protect", "share", "share.link", "share.transfer", "upload" })
package dev.ferry.share.request;

import org.springframework.modulith.ApplicationModule;
