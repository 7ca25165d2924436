package dev.ferry.auth.mfa;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.session.TwoFactorRequirement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must use a second factor: {@code FERRY_REQUIRE_2FA} ({@code none}, {@code all} or
 * roles such as {@code admin,user}), unless an admin set another value through
 * {@code PUT /api/v1/admin/security-policy}, which then holds for every node.
 */
@Component
class TwoFactorPolicy implements TwoFactorRequirement {

	static final String SETTING = "require_2fa";

	/** What a request may name; parse it with {@link #parse} after validation. */
	static final String PATTERN = "(?i)\\s*(none|all|((admin|user|guest)\\s*(,\\s*(admin|user|guest)\\s*)*))\\s*";

	private final SecuritySettingsRepository settings;

	private final AccountSecurityProperties properties;

	private final AccessPolicy admin;

	private final AuditLog audit;

	private final Clock clock;

	TwoFactorPolicy(SecuritySettingsRepository settings, AccountSecurityProperties properties, AccessPolicy admin,
			AuditLog audit, Clock clock) {
		this.settings = settings;
		this.properties = properties;
		this.admin = admin;
		this.audit = audit;
		this.clock = clock;
		parse(properties.require2fa());
	}

	@Override
	public boolean requiredFor(Role role) {
		return requiredRoles().contains(role);
	}

	Set<Role> requiredRoles() {
		return parse(settings.find(SETTING).orElse(properties.require2fa()));
	}

	@Transactional(noRollbackFor = AuthException.class)
	View view(CurrentUser caller) {
		admin.requireAdmin(caller, "admin.security_policy_read");
		audit.record(AuditEvent.success("admin.security_policy_read"));
		return current();
	}

	@Transactional(noRollbackFor = AuthException.class)
	View update(CurrentUser caller, String require2fa) {
		admin.requireAdmin(caller, "admin.security_policy_update");
		String normalized = format(parse(require2fa));
		settings.save(SETTING, normalized, caller.userId(), clock.instant());
		audit.record(AuditEvent.success("admin.security_policy_update").detail("require_2fa", normalized));
		return current();
	}

	private View current() {
		boolean overridden = settings.find(SETTING).isPresent();
		Set<Role> roles = requiredRoles();
		return new View(format(roles), roles.stream().map(Role::apiName).sorted().toList(),
				overridden ? "admin" : "environment");
	}

	static Set<Role> parse(String value) {
		String text = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "none";
		if (!text.matches(PATTERN)) {
			throw new IllegalArgumentException(
					"FERRY_REQUIRE_2FA must be none, all or a list of roles (admin,user,guest), not " + value);
		}
		if (text.equals("none")) {
			return EnumSet.noneOf(Role.class);
		}
		if (text.equals("all")) {
			return EnumSet.allOf(Role.class);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(text.split(",")).map(Role::of).forEach(roles::add);
		return roles;
	}

	private static String format(Set<Role> roles) {
		if (roles.isEmpty()) {
			return "none";
		}
		if (roles.containsAll(EnumSet.allOf(Role.class))) {
			return "all";
		}
		return roles.stream().map(Role::apiName).collect(Collectors.joining(","));
	}

	/**
	 * The policy in force and where it comes from ({@code environment} or {@code admin}).
	 */
	record View(@JsonProperty("require_2fa") String require2fa,
			@JsonProperty("require_2fa_roles") List<String> require2faRoles, String source) {
	}

}
