/**
 * Transfers: the owner's files sent with a title and message to recipients. The base of
 * sharing; links, upload requests and grants build on it. Share links reach the transfer
 * endpoints only through {@link dev.ferry.share.transfer.TransferLinks}.
 */
@ApplicationModule(displayName = "Share: transfers")
package dev.ferry.share.transfer;

import org.springframework.modulith.ApplicationModule;
