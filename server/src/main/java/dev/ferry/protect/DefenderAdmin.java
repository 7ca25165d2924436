package dev.ferry.protect;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * What administrators do with the defender: list and lift bans, keep the permanent allow
 * and deny rules. Admins only, every change audited.
 */
@Service
class DefenderAdmin {

	private final Defender defender;

	private final AddressRules rules;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	DefenderAdmin(Defender defender, AddressRules rules, AccessPolicy access, AuditLog audit, Clock clock) {
		this.defender = defender;
		this.rules = rules;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	List<BanView> bans(CurrentUser user) {
		access.requireAdmin(user, "defender.bans");
		return defender.bans().stream().map(BanView::of).toList();
	}

	void lift(CurrentUser user, String address) {
		access.requireAdmin(user, "defender.lifted");
		if (!defender.lift(address)) {
			audit
				.record(AuditEvent.failure("defender.lifted").object("address", address).detail("reason", "not_found"));
			throw ProtectException.notFound("active ban for " + address);
		}
		audit.record(AuditEvent.success("defender.lifted").object("address", address));
	}

	List<RuleView> rules(CurrentUser user) {
		access.requireAdmin(user, "address_rule.list");
		return rules.all().stream().map(RuleView::of).toList();
	}

	RuleView addRule(CurrentUser user, NewRule request) {
		access.requireAdmin(user, "address_rule.created");
		Cidr network = Cidr.parse(request.network())
			.orElseThrow(() -> ProtectException
				.invalid("network must be an IPv4 or IPv6 address or CIDR network (such as 192.0.2.0/24)."));
		AddressRule.Kind kind = kind(request.kind());
		String note = (request.note() != null && !request.note().isBlank()) ? request.note().strip() : null;
		if (note != null && note.length() > 200) {
			throw ProtectException.invalid("note may have at most 200 characters.");
		}
		AddressRule rule = new AddressRule(UUID.randomUUID(), network, kind, note, clock.instant());
		if (!rules.add(rule)) {
			audit.record(AuditEvent.failure("address_rule.created")
				.detail("network", network.text())
				.detail("reason", "duplicate"));
			throw ProtectException.conflict("There is already a rule for " + network.text() + "; delete it first.");
		}
		audit.record(AuditEvent.success("address_rule.created")
			.object("address_rule", rule.id())
			.detail("network", network.text())
			.detail("kind", request.kind()));
		return RuleView.of(rule);
	}

	void deleteRule(CurrentUser user, String id) {
		access.requireAdmin(user, "address_rule.deleted");
		UUID parsed;
		try {
			parsed = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			parsed = null;
		}
		if (parsed == null || !rules.remove(parsed)) {
			audit.record(AuditEvent.failure("address_rule.deleted").detail("reason", "not_found"));
			throw ProtectException.notFound("address rule with this id");
		}
		audit.record(AuditEvent.success("address_rule.deleted").object("address_rule", parsed));
	}

	private static AddressRule.Kind kind(String value) {
		if ("allow".equals(value) || "deny".equals(value)) {
			return AddressRule.Kind.valueOf(value.toUpperCase(Locale.ROOT));
		}
		throw ProtectException.invalid("kind must be 'allow' or 'deny'.");
	}

	record BanView(String address, String reason, int strikes, String bannedAt, String until) {

		static BanView of(Ban ban) {
			return new BanView(ban.address(), ban.reason(), ban.strikes(), ban.bannedAt().toString(),
					ban.until().toString());
		}

	}

	record NewRule(String network, String kind, String note) {
	}

	record RuleView(String id, String network, String kind, String note, String createdAt) {

		static RuleView of(AddressRule rule) {
			return new RuleView(rule.id().toString(), rule.network().text(),
					rule.kind().name().toLowerCase(Locale.ROOT), rule.note(), rule.createdAt().toString());
		}

	}

}
