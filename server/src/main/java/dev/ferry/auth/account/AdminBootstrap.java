package dev.ferry.auth.account;

import dev.ferry.FerryProperties;
import dev.ferry.RefusedSettingException;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.password.PasswordPolicy;
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

	private final AccountCreator accounts;

	private final AuditLog audit;

	private final FerryProperties properties;

	private final PasswordPolicy policy;

	private final SetupTokenIssuer setupTokens;

	AdminBootstrap(UserRepository users, AccountCreator accounts, AuditLog audit, FerryProperties properties,
			PasswordPolicy policy, SetupTokenIssuer setupTokens) {
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.policy = policy;
		this.setupTokens = setupTokens;
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
			setupTokens.issue();
		}
	}

	private void createFromEnvironment(FerryProperties.Admin admin) {
		policy.judge(admin.password()).ifPresent((verdict) -> {
			throw new RefusedSettingException("FERRY_ADMIN_PASSWORD is refused. " + verdict.withSuggestions(),
					"Set FERRY_ADMIN_PASSWORD to a longer, less common password, or unset FERRY_ADMIN_EMAIL and"
							+ " FERRY_ADMIN_PASSWORD to create the first admin on the setup page instead.");
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

}
