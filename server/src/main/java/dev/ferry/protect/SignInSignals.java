package dev.ferry.protect;

import dev.ferry.auth.NewDeviceSignIn;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the defender what sign-in reports besides failures: a new device scores a point.
 */
@Component
class SignInSignals {

	private final Defender defender;

	SignInSignals(Defender defender) {
		this.defender = defender;
	}

	@EventListener
	void newDevice(NewDeviceSignIn signIn) {
		defender.strike(signIn.address(), "new_device", 1);
	}

}
