package dev.ferry.share.link;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.transfer.TransferApi.LinkView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing an existing link's access rules and whether its share page shows previews; the
 * link's other settings stay as created.
 */
@Tag(name = "share")
@RestController
class ShareLinkRulesController {

	private final ShareLinkService links;

	ShareLinkRulesController(ShareLinkService links) {
		this.links = links;
	}

	@Operation(operationId = "updateShareLinkAccess",
			summary = "Change a share link's access rules (allowed_ips, allowed_countries, denied_countries) "
					+ "and show_previews")
	@PatchMapping("/api/v1/transfers/{id}/shares/{shareId}")
	LinkView update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String shareId,
			@RequestBody LinkChange body) {
		return links.update(user, id, shareId, body);
	}

}
