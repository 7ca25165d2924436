package dev.ferry.auth.passkey;

import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.ferry.auth.session.SecondFactor;

/**
 * Passkeys as a second factor: sign-in offers {@code passkey} to an account that has one
 * (the assertion itself is checked by {@link PasskeyLogin}), and two-factor management
 * counts and removes them.
 */
@Component
@Order(2)
public class PasskeyFactor implements SecondFactor {

	static final String METHOD = "passkey";

	private final PasskeyRepository passkeys;

	PasskeyFactor(PasskeyRepository passkeys) {
		this.passkeys = passkeys;
	}

	@Override
	public List<String> methods(UUID userId) {
		return (passkeys.count(userId) > 0) ? List.of(METHOD) : List.of();
	}

	/** How many passkeys the account has. */
	public int count(UUID userId) {
		return passkeys.count(userId);
	}

	/**
	 * Removes every passkey of the account (admin reset); answers whether there was one.
	 */
	public boolean deleteAll(UUID userId) {
		return passkeys.deleteAll(userId) > 0;
	}

}
