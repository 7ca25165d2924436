package dev.ferry.share.link;

import java.util.List;

import dev.ferry.protect.AccessGuard;
import dev.ferry.audit.AuditEvent;
import dev.ferry.protect.AccessRules;
import dev.ferry.protect.AccessRulesChange;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.TransferApi.LinkOptions;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A new link's secret and access rules, checked and prepared for storage; share links and
 * upload requests alike.
 */
@Component
public class LinkSettings {

	private final PasswordEncoder encoder;

	private final AccessGuard guard;

	LinkSettings(PasswordEncoder encoder, AccessGuard guard) {
		this.encoder = encoder;
		this.guard = guard;
	}

	/** The password's hash, null for none; 400 when it is empty or too long. */
	public String passwordHash(String password) {
		if (password != null && (password.isEmpty() || password.length() > 1024)) {
			throw ShareException.invalid("password must have 1 to 1024 characters.");
		}
		return (password != null) ? encoder.encode(password) : null;
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
