package dev.ferry.share.link;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.ClientInfo;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.share.ShareException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Links bound to the first device that opens them ({@code bind_to_first_device}). A
 * device is the browser's {@code __Host-ferry-device} cookie, the same one sign-in uses;
 * a client that brings none (curl without a cookie jar) is given one on its first visit
 * and is that device only while it sends it back. The first visit binds the link with one
 * conditional update, so two devices racing cannot both own it; every later request from
 * another device is refused 403 {@code device-not-allowed}.
 */
@Component
class LinkDevices {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	LinkDevices(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Marks a new link as bound to the first device that opens it. */
	void require(UUID linkId) {
		jdbc.sql("INSERT INTO share_link_devices (link_id) VALUES (?)").param(linkId.toString()).update();
	}

	boolean bindsFirstDevice(UUID linkId) {
		return row(linkId).isPresent();
	}

	/**
	 * Lets the current request's device in, binding the link to it on the first visit;
	 * refuses (audited as {@code action}) any other device.
	 */
	void admit(ShareLink link, String action) {
		Optional<Binding> binding = row(link.id());
		if (binding.isEmpty()) {
			return;
		}
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
			.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		String device = ClientInfo.of(request).deviceId();
		String bound = binding.get().deviceHash();
		if (bound == null) {
			if (device == null) {
				device = issueCookie(attributes.getResponse());
			}
			boolean first = jdbc
				.sql("UPDATE share_link_devices SET device_hash = ?, bound_at = ? WHERE link_id = ? "
						+ "AND device_hash IS NULL")
				.params(SecureTokens.hash(device), clock.millis(), link.id().toString())
				.update() == 1;
			if (first) {
				audit.record(AuditEvent.success("share.device_bound")
					.object("share_link", link.id())
					.detail("action", action));
				return;
			}
			bound = row(link.id()).map(Binding::deviceHash).orElse(null);
		}
		if (device == null || bound == null || !SecureTokens.constantTimeEquals(SecureTokens.hash(device), bound)) {
			audit.record(
					AuditEvent.denied(action).object("share_link", link.id()).detail("reason", "device_not_allowed"));
			throw ShareException.deviceNotAllowed();
		}
	}

	private static String issueCookie(HttpServletResponse response) {
		String id = SecureTokens.generate("");
		response.addHeader(HttpHeaders.SET_COOKIE, ClientInfo.deviceCookie(id));
		return id;
	}

	private Optional<Binding> row(UUID linkId) {
		return jdbc.sql("SELECT device_hash FROM share_link_devices WHERE link_id = ?")
			.param(linkId.toString())
			.query((rs, row) -> new Binding(rs.getString(1)))
			.optional();
	}

	private record Binding(String deviceHash) {
	}

}
