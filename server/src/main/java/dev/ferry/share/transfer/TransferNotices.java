package dev.ferry.share.transfer;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.NotifyResult;

/**
 * Mailing a transfer's recipients a fresh share link; implemented by the link module (see
 * {@link TransferLinks}).
 */
public interface TransferNotices {

	NotifyResult notify(CurrentUser user, String transferId, LinkOptions options);

	NotifyResult notify(Transfer transfer, LinkOptions options);

	/** Whether mail goes out at all, as the transfer views report it. */
	String mailStatus();

}
