package dev.ferry.protect;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks and enforces {@link AccessRules}. Owners of protected objects build their rules
 * with {@link #rules} (400 on a bad network or country, or countries without a GeoIP
 * database) and call {@link #check} on every use with the request's client address (the
 * one resolved once per request, trusted proxies included). A refusal is audited, counted
 * by the defender and answered 403 with its own problem type.
 */
@Component
public class AccessGuard {

	static final int MAX_ENTRIES = 100;

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private final GeoIp geoIp;

	private final GeoIpProperties properties;

	private final Defender defender;

	private final LinkWatch watch;

	private final AuditLog audit;

	AccessGuard(GeoIp geoIp, GeoIpProperties properties, Defender defender, LinkWatch watch, AuditLog audit) {
		this.geoIp = geoIp;
		this.properties = properties;
		this.defender = defender;
		this.watch = watch;
		this.audit = audit;
	}

	/** Validated, normalised rules from request fields (each may be null). */
	public AccessRules rules(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {
		List<String> networks = new ArrayList<>();
		for (String value : bounded("allowed_ips", allowedIps)) {
			Cidr network = Cidr.parse(value)
				.orElseThrow(() -> ProtectException.invalid("allowed_ips: '" + shorten(value)
						+ "' is not an IPv4 or IPv6 network in CIDR notation (such as 192.0.2.0/24 or 2001:db8::/32)."));
			networks.add(network.text());
		}
		AccessRules rules = new AccessRules(networks, countries("allowed_countries", allowedCountries),
				countries("denied_countries", deniedCountries));
		if (rules.hasCountries() && !geoIp.available()) {
			throw ProtectException.invalid("Country rules need a GeoIP database, and this server has none "
					+ "(FERRY_GEOIP_DB); leave allowed_countries and denied_countries empty.");
		}
		return rules;
	}

	/** {@code current} with {@code change} applied, validated like new rules. */
	public AccessRules rules(AccessRules current, AccessRulesChange change) {
		return rules((change.allowedIps() != null) ? change.allowedIps() : current.allowedIps(),
				(change.allowedCountries() != null) ? change.allowedCountries() : current.allowedCountries(),
				(change.deniedCountries() != null) ? change.deniedCountries() : current.deniedCountries());
	}

	/**
	 * {@link #check(AccessRules, String, String, String, Object)} for this request's
	 * client.
	 */
	public void check(AccessRules rules, String action, String objectType, Object objectId) {
		String address = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getRemoteAddr() : null;
		check(rules, address, action, objectType, objectId);
	}

	/**
	 * Refuses {@code address} when {@code rules} exclude it (audited as {@code action} on
	 * the object), and feeds the use to the suspicious-activity rules otherwise.
	 */
	public void check(AccessRules rules, String address, String action, String objectType, Object objectId) {
		Optional<String> country = enforce(rules, address, action, objectType, objectId);
		watch.seen(objectType, String.valueOf(objectId), address, country.orElse(null));
	}

	/**
	 * Refuses {@code address} like {@link #check} without feeding the link watch, for
	 * accounts, whose many addresses are no sign of a leaked link; answers the country.
	 */
	Optional<String> enforce(AccessRules rules, String address, String action, String objectType, Object objectId) {
		Optional<String> country = Cidr.address(address).flatMap(geoIp::country);
		String reason = exclusion(rules, address).orElse(null);
		if ("ip_not_allowed".equals(reason)) {
			refuse(action, objectType, objectId, address, reason, null);
			throw ProtectException.ipNotAllowed(String.valueOf(address));
		}
		if (reason != null) {
			refuse(action, objectType, objectId, address, reason, country.orElse("unknown"));
			throw ProtectException.countryNotAllowed(country.orElse(null));
		}
		return country;
	}

	/**
	 * Why {@code rules} exclude {@code address} ({@code ip_not_allowed} or
	 * {@code country_not_allowed}), with no record and no strike: for asking before rules
	 * are set, not for refusing a request.
	 */
	Optional<String> exclusion(AccessRules rules, String address) {
		Optional<InetAddress> client = Cidr.address(address);
		if (!rules.allowedIps().isEmpty()
				&& client.filter((ip) -> rules.allowedIps().stream().anyMatch((n) -> inside(n, ip))).isEmpty()) {
			return Optional.of("ip_not_allowed");
		}
		if (rules.hasCountries() && !countryAllowed(rules, client.flatMap(geoIp::country).orElse(null))) {
			return Optional.of("country_not_allowed");
		}
		return Optional.empty();
	}

	private boolean countryAllowed(AccessRules rules, String country) {
		if (country == null) {
			return properties.unknown() == GeoIpProperties.Unknown.ALLOW;
		}
		return !rules.deniedCountries().contains(country)
				&& (rules.allowedCountries().isEmpty() || rules.allowedCountries().contains(country));
	}

	private void refuse(String action, String objectType, Object objectId, String address, String reason,
			String country) {
		audit.record(AuditEvent.denied(action)
			.object(objectType, objectId)
			.detail("reason", reason)
			.detail("country", country));
		defender.strike(address, reason, 1);
	}

	private static boolean inside(String network, InetAddress address) {
		return Cidr.parse(network).map((cidr) -> cidr.contains(address)).orElse(false);
	}

	private static List<String> countries(String field, List<String> values) {
		List<String> codes = new ArrayList<>();
		for (String value : bounded(field, values)) {
			if (value == null || !COUNTRY.matcher(value).matches()) {
				throw ProtectException.invalid(field + ": '" + shorten(value)
						+ "' is not an ISO 3166 alpha-2 country code (such as DE or US).");
			}
			codes.add(value.toUpperCase(Locale.ROOT));
		}
		return codes;
	}

	private static List<String> bounded(String field, List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_ENTRIES) {
			throw ProtectException.invalid(field + " may hold at most " + MAX_ENTRIES + " entries.");
		}
		return values;
	}

	private static String shorten(String value) {
		return (value == null) ? "null" : (value.length() > 60) ? value.substring(0, 60) + "..." : value;
	}

}
