package dev.ferry.auth.password;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Argon2id for every new hash (OWASP's 19 MiB, 2 iterations, 1 lane profile); bcrypt
	 * hashes ({@code {bcrypt}...}) are still accepted so accounts can be imported, and
	 * are replaced at the next sign-in ({@code FirstFactor}), as are cheaper Argon2 ones.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return acceptingBcrypt(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2));
	}

	/** New hashes by {@code argon2}, with the formats the server accepts. */
	static PasswordEncoder acceptingBcrypt(Argon2PasswordEncoder argon2) {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
	}

}
