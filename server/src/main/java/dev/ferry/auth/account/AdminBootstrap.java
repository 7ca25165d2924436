package dev.ferry.auth.account;

import java.time.Clock;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.password.PasswordPolicy;
import dev.ferry.crypto.SecureTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On start, when no admin exists: creates one from {@code FERRY_ADMIN_EMAIL} and
 * {@code FERRY_ADMIN_PASSWORD}, or else logs a one-time setup URL whose token lets the
 * first visitor who has the log create the admin. There is never a default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRepository users;

	private final SetupTokenRepository setupTokens;

	private final AccountCreator accounts;

	private final AuditLog audit;

	private final FerryProperties properties;

	private final PublicUrl publicUrl;

	private final PasswordPolicy policy;

	private final Clock clock;

	AdminBootstrap(UserRepository users, SetupTokenRepository setupTokens, AccountCreator accounts, AuditLog audit,
			FerryProperties properties, PublicUrl publicUrl, PasswordPolicy policy, Clock clock) {
		this.users = users;
		this.setupTokens = setupTokens;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.anyAdmin()) {
			return;
		}
		FerryProperties.Admin admin = properties.admin();
		if (admin.email() != null && !admin.email().isBlank() && admin.password() != null
				&& !admin.password().isBlank()) {
			createFromEnvironment(admin);
		}
		else {
			issueSetupToken();
		}
	}

	private void createFromEnvironment(FerryProperties.Admin admin) {
		policy.judge(admin.password()).ifPresent((verdict) -> {
			throw new IllegalStateException("FERRY_ADMIN_PASSWORD " + verdict.withSuggestions());
		});
		User user;
		try {
			user = accounts.create(admin.email(), admin.password(), null, Role.ADMIN, null);
		}
		catch (AuthException taken) {
			// Another node of the cluster won the race, or the address belongs to an
			// existing non-admin account, which is not promoted behind anyone's back.
			log.warn("Not creating the admin {}: an account with this email already exists", admin.email());
			return;
		}
		audit.record(AuditEvent.success("admin.bootstrap")
			.by(AuditActor.system())
			.object("user", user.id())
			.detail("email", user.email()));
		log.info("Created the first admin account {}", user.email());
	}

	/**
	 * Every start without an admin adds a fresh token (each node of a cluster logs its
	 * own); all of them die when the admin is created. The token travels in the URL
	 * fragment, which browsers never send, so it cannot leak into access logs, proxies or
	 * Referer headers: the setup page reads it and posts it to
	 * {@code POST /api/v1/auth/setup}.
	 */
	private void issueSetupToken() {
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
