package dev.ferry.share.transfer;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.transfer.TransferApi.ActivityView;
import dev.ferry.share.transfer.TransferApi.Page;

/**
 * A transfer's downloads and link events, newest first; implemented by the link module
 * (see {@link TransferLinks}).
 */
public interface TransferActivity {

	Page<ActivityView> activity(CurrentUser user, String transferId, String cursor, Integer limit);

}
