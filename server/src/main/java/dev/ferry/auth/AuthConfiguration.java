package dev.ferry.auth;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	/**
	 * Every expiry decision reads this clock, so tests can move time instead of waiting.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
