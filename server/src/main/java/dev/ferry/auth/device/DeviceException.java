package dev.ferry.auth.device;

import java.time.Duration;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The token endpoint's answers other than tokens. Each problem also carries RFC 8628's
 * {@code error} code, so a client written for the RFC finds what it expects.
 */
class DeviceException extends ProblemException {

	private DeviceException(String slug, String title, String detail, Map<String, Object> properties) {
		super(HttpStatus.BAD_REQUEST, slug, title, detail, properties);
	}

	static DeviceException pending(Duration interval) {
		return new DeviceException("device-authorization-pending", "Waiting for approval",
				"The code has not been approved yet. Poll again after 'interval' seconds.",
				Map.of("error", "authorization_pending", "interval", interval.toSeconds()));
	}

	static DeviceException slowDown(Duration interval) {
		return new DeviceException("device-slow-down", "Polling too fast",
				"Poll at most every 'interval' seconds; the interval was raised.",
				Map.of("error", "slow_down", "interval", interval.toSeconds()));
	}

	static DeviceException denied() {
		return new DeviceException("device-access-denied", "Sign-in denied", "The sign-in was denied in the browser.",
				Map.of("error", "access_denied"));
	}

	static DeviceException expired() {
		return new DeviceException("device-code-expired", "Code expired",
				"The code expired before it was approved. Start the sign-in again.", Map.of("error", "expired_token"));
	}

	static DeviceException invalidDeviceCode() {
		return new DeviceException("invalid-device-code", "Unknown device code",
				"The device code is unknown or was already used. Start the sign-in again.",
				Map.of("error", "invalid_grant"));
	}

	static DeviceException invalidUserCode() {
		return new DeviceException("invalid-user-code", "Unknown code",
				"The code is unknown, expired or already used. Check it, or start the sign-in on the device again.",
				Map.of());
	}

}
