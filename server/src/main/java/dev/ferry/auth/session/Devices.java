package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.NewDeviceSignIn;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.notify.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Which device a sign-in comes from. Browsers carry a random, long-lived
 * {@code __Host-ferry-device} cookie; clients without cookies are known by user agent and
 * address. A sign-in from a device the account never used (other than its very first) is
 * audited ({@code auth.new_device}), announced to the owner when mail is on, and
 * published as {@link NewDeviceSignIn} (the defender scores it).
 */
@Component
public class Devices {

	private final KnownDeviceRepository devices;

	private final Mailer mail;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Devices(KnownDeviceRepository devices, Mailer mail, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.devices = devices;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Gives a browser its device cookie when it has none; answers the client with its
	 * device id.
	 */
	public static ClientInfo identify(ClientInfo client, HttpServletResponse response) {
		if (client.deviceId() != null) {
			return client;
		}
		String id = SecureTokens.generate("");
		response.addHeader(HttpHeaders.SET_COOKIE, ClientInfo.deviceCookie(id));
		return client.withDeviceId(id);
	}

	static String hash(ClientInfo client) {
		return SecureTokens.hash((client.deviceId() != null) ? "cookie:" + client.deviceId()
				: "agent:" + client.userAgent() + "|" + client.ip());
	}

	/** Records the sign-in of {@code user} from {@code client}'s device. */
	void signedIn(User user, ClientInfo client) {
		Instant now = clock.instant();
		boolean first = devices.count(user.id()) == 0;
		if (!devices.seen(user.id(), hash(client), client.userAgent(), now) || first) {
			return;
		}
		boolean notified = mail.send(user.email(), "account-new-device",
				Map.of("email", user.email(), "time", now.toString(), "user_agent",
						(client.userAgent() != null) ? client.userAgent() : "unknown", "ip",
						(client.ip() != null) ? client.ip() : "unknown"));
		audit.record(AuditEvent.success("auth.new_device")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("user_agent", client.userAgent())
			.detail("notified", notified));
		events.publishEvent(new NewDeviceSignIn(user.id(), client.ip()));
	}

}
