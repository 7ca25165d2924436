package dev.ferry.auth;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On start, when no admin exists: creates one from {@code FERRY_ADMIN_EMAIL} and
 * {@code FERRY_ADMIN_PASSWORD}. There is never a default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final FerryProperties properties;

	AdminBootstrap(UserRepository users, PasswordEncoder passwords, AuditLog audit, FerryProperties properties) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.properties = properties;
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
			Instant now = Instant.now();
			User user = new User(UUID.randomUUID(), admin.email(), null, passwords.encode(admin.password()), Role.ADMIN,
					UserStatus.ACTIVE, null, now, now);
			users.insert(user);
			audit.record(AuditEvent.success("admin.bootstrap")
				.by(AuditActor.system())
				.object("user", user.id())
				.detail("email", user.email()));
			log.info("Created the first admin account {}", user.email());
		}
	}

}
