/**
 * Transfers: the owner's files sent with a title and message to recipients. The base of
 * sharing; links, upload requests and grants build on it. Share links reach the transfer
 * endpoints only through {@link dev.ferry.share.transfer.TransferLinks}.
 */
@ApplicationModule(displayName = "Share: transfers",
		allowedDependencies = { "audit", "auth", "files", "i18n", "share" })
package dev.ferry.share.transfer;

import org.springframework.modulith.ApplicationModule;
