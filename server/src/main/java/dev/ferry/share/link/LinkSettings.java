package dev.ferry.share.link;

import java.util.List;
import java.util.UUID;

import dev.ferry.pii.PiiSharing;
import dev.ferry.protect.AccessGuard;
import dev.ferry.audit.AuditEvent;
import dev.ferry.protect.AccessRules;
import dev.ferry.protect.AccessRulesChange;
import dev.ferry.share.ShareException;
import dev.ferry.share.ShareProperties;
import dev.ferry.share.transfer.TransferApi;
import dev.ferry.share.transfer.TransferApi.LinkOptions;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A new link's secret and access rules, checked and prepared for storage, share links and
 * upload requests alike; and a share link's device binding.
 */
@Component
public class LinkSettings {

	private final PasswordEncoder encoder;

	private final AccessGuard guard;

	private final LinkDevices devices;

	private final ShareProperties properties;

	private final LinkContentOptions content;

	private final PiiSharing pii;

	LinkSettings(PasswordEncoder encoder, AccessGuard guard, LinkDevices devices, ShareProperties properties,
			LinkContentOptions content, PiiSharing pii) {
		this.pii = pii;
		this.content = content;
		this.encoder = encoder;
		this.guard = guard;
		this.devices = devices;
		this.properties = properties;
	}

	/**
	 * Whether a new link asks for a proof of work: as asked, else
	 * {@code FERRY_CAPTCHA_DEFAULT} for a link without a password. A password already
	 * stops scripts, so the two together are refused (400).
	 */
	boolean captcha(LinkOptions options) {
		boolean password = options.password() != null;
		if (Boolean.TRUE.equals(options.captcha()) && password) {
			throw ShareException.invalid("A link takes a password or a CAPTCHA, not both: drop one of them.");
		}
		return (options.captcha() != null) ? options.captcha() : properties.captchaDefault() && !password;
	}

	/**
	 * Whether a new upload request asks for a proof of work: as asked, else
	 * {@code FERRY_CAPTCHA_DEFAULT} for a request anyone may use. A password or a list of
	 * allowed addresses already stops scripts, so either with a CAPTCHA is refused (400).
	 */
	public boolean requestCaptcha(Boolean asked, boolean passwordOrEmails) {
		if (Boolean.TRUE.equals(asked) && passwordOrEmails) {
			throw requestCaptchaConflict();
		}
		return (asked != null) ? asked : properties.captchaDefault() && !passwordOrEmails;
	}

	public static ShareException requestCaptchaConflict() {
		return ShareException.invalid(
				"An upload request takes a password or allowed_emails, or a CAPTCHA, " + "not both: drop one of them.");
	}

	/** The password's hash, null for none; 400 when it is empty or too long. */
	public String passwordHash(String password) {
		if (password != null && (password.isEmpty() || password.length() > 1024)) {
			throw ShareException.invalid("password must have 1 to 1024 characters.");
		}
		return (password != null) ? encoder.encode(password) : null;
	}

	/** Stores the device binding a new link asked for ({@code bind_to_first_device}). */
	void bindToFirstDevice(UUID linkId, LinkOptions options) {
		if (Boolean.TRUE.equals(options.bindToFirstDevice())) {
			devices.require(linkId);
		}
	}

	/**
	 * Whether a new link stamps a watermark ({@code watermark}); refused (400) for an
	 * end-to-end encrypted transfer, whose content the server cannot read.
	 */
	boolean watermark(LinkOptions options, UUID transferId) {
		return content.watermark(options.watermark(), transferId);
	}

	/**
	 * Whether a link shows previews on its share page ({@code show_previews}); refused
	 * (400) for an end-to-end encrypted transfer and for a watermarked link.
	 */
	boolean previews(Boolean asked, boolean watermark, UUID transferId) {
		return content.previews(asked, watermark, transferId);
	}

	/**
	 * Refuses (409) a public link to the transfer's files when the PII policy blocks
	 * sharing any of them.
	 */
	void ensurePublicSharingAllowed(UUID transferId, List<TransferApi.FileView> files) {
		pii.ensurePublicSharingAllowed(transferId,
				files.stream()
					.filter(TransferApi.FileView::available)
					.map((file) -> UUID.fromString(file.id()))
					.toList());
	}

	void markWatermark(UUID linkId) {
		content.markWatermark(linkId);
	}

	boolean watermarked(UUID linkId) {
		return content.watermarked(linkId);
	}

	void showPreviews(UUID linkId, boolean on) {
		content.showPreviews(linkId, on);
	}

	boolean showsPreviews(UUID linkId) {
		return content.showsPreviews(linkId);
	}

	boolean bindsFirstDevice(UUID linkId) {
		return devices.bindsFirstDevice(linkId);
	}

	AccessRules access(LinkOptions options) {
		return access(options.allowedIps(), options.allowedCountries(), options.deniedCountries());
	}

	/** Checked rules from the request's {@code allowed_ips} and country fields. */
	public AccessRules access(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {
		return guard.rules(allowedIps, allowedCountries, deniedCountries);
	}

	/** {@code event} with the rules as audit details. */
	public static AuditEvent withRules(AuditEvent event, AccessRules access) {
		return event.detail("allowed_ips", AccessRules.join(access.allowedIps()))
			.detail("allowed_countries", AccessRules.join(access.allowedCountries()))
			.detail("denied_countries", AccessRules.join(access.deniedCountries()));
	}

	/** {@code current} with a PATCH's {@code change} applied, checked like new rules. */
	public AccessRules access(AccessRules current, AccessRulesChange change) {
		if (change == null || change.changesNothing()) {
			throw ShareException.invalid(
					"Send at least one of allowed_ips, allowed_countries and denied_countries (an empty list clears it).");
		}
		return guard.rules(current, change);
	}

}
