package dev.ferry.auth.password;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production cost of password hashes. The tests' Spring contexts hash at a far lower
 * cost ({@code CheapPasswordHashing}), so this is the one place that pins what the server
 * really stores.
 */
class PasswordConfigurationTests {

	private final PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder();

	@Test
	void newHashesAreArgon2idAtOwaspsCost() {
		String hash = encoder.encode("correct horse battery staple");

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
		assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
	}

	@Test
	void bcryptHashesAreStillAcceptedAndMarkedForUpgrade() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("password");

		assertThat(encoder.matches("password", bcrypt)).isTrue();
		assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
	}

	@Test
	void cheaperArgon2HashesAreMarkedForUpgrade() {
		String cheap = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 16, 1).encode("x");

		assertThat(encoder.upgradeEncoding(cheap)).isTrue();
		assertThat(encoder.upgradeEncoding(encoder.encode("x"))).isFalse();
	}

}
