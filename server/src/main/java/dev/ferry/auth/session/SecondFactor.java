package dev.ferry.auth.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A second factor sign-in can ask for, plugged in as a Spring bean by the module that
 * owns it (TOTP and recovery codes from {@code auth.mfa}, passkeys from
 * {@code auth.passkey}), so sessions know none of them. Beans are asked in their
 * {@code @Order}.
 */
public interface SecondFactor {

	/**
	 * The methods of this factor the account has set up ({@code totp},
	 * {@code recovery_code}, {@code passkey}); empty when none.
	 */
	List<String> methods(UUID userId);

	/**
	 * Checks a typed code: the method it matched, or empty. Factors proven another way (a
	 * passkey assertion) match no code.
	 */
	default Optional<String> check(UUID userId, String code) {
		return Optional.empty();
	}

}
