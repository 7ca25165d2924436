package dev.ferry.share.link;

import dev.ferry.share.ShareProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a new share link or upload request gets for a setting its creator leaves out, so a
 * form can show it before anything is sent: with {@code FERRY_CAPTCHA_DEFAULT=true} the
 * "Require a CAPTCHA" box starts ticked, and unticking it sends {@code "captcha": false}.
 * Deployment settings every signed-in user may read; nothing of anyone's.
 */
@Tag(name = "share")
@RestController
class LinkDefaultsController {

	private final ShareProperties properties;

	LinkDefaultsController(ShareProperties properties) {
		this.properties = properties;
	}

	@Operation(operationId = "getLinkDefaults",
			summary = "What new links and upload requests get for settings left out (captcha, longest lifetime)")
	@GetMapping("/api/v1/link-defaults")
	LinkDefaults defaults() {
		return new LinkDefaults(properties.captchaDefault(), properties.maxDays());
	}

	/**
	 * {@code captcha}: a link without a password (a request with neither a password nor
	 * allowed_emails) asks for a proof of work unless created with
	 * {@code "captcha": false}; {@code maxDays}: the longest lifetime, also the default
	 * one.
	 */
	record LinkDefaults(boolean captcha, int maxDays) {
	}

}
