package dev.ferry.share.transfer;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.LinkView;

/**
 * What the transfer endpoints need of share links. Declared here and implemented by the
 * link module, so links may depend on transfers without transfers depending on links (the
 * nested modules must not form a cycle).
 */
public interface TransferLinks {

	LinkView create(CurrentUser user, String transferId, LinkOptions options);

	LinkView create(Transfer transfer, LinkOptions options);

	void revoke(CurrentUser user, String transferId, String linkId);

	List<LinkView> links(Transfer transfer);

}
