package dev.ferry.auth.account;

import java.time.Clock;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.PublicUrl;
import dev.ferry.crypto.SecureTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Issues the one-time setup URL {@link AdminBootstrap} logs when there is no admin and
 * none is configured.
 */
@Component
class SetupTokenIssuer {

	/** Under the bootstrap's name: it is the line operators look for on first start. */
	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final SetupTokenRepository setupTokens;

	private final AuditLog audit;

	private final PublicUrl publicUrl;

	private final Clock clock;

	SetupTokenIssuer(SetupTokenRepository setupTokens, AuditLog audit, PublicUrl publicUrl, Clock clock) {
		this.setupTokens = setupTokens;
		this.audit = audit;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/**
	 * Every start without an admin adds a fresh token (each node of a cluster logs its
	 * own); all of them die when the admin is created. The token travels in the URL
	 * fragment, which browsers never send, so it cannot leak into access logs, proxies or
	 * Referer headers: the setup page reads it and posts it to
	 * {@code POST /api/v1/auth/setup}.
	 */
	void issue() {
		String token = SecureTokens.generate("");
		setupTokens.insert(SecureTokens.hash(token), clock.instant());
		audit.record(AuditEvent.success("auth.setup_token_issue").by(AuditActor.system()));
		String rule = "=".repeat(78);
		log.warn("""

				{}
				  Ferry has no administrator yet. Open this one-time URL to create one:

				    {}

				  Without a browser: POST /api/v1/auth/setup with a JSON body holding
				  "token" (the text after #token=), "email" and "password".
				  Set FERRY_ADMIN_EMAIL and FERRY_ADMIN_PASSWORD instead to skip this step.
				{}""", rule, publicUrl.resolve("/setup#token=" + token), rule);
	}

}
