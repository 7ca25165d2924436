package dev.ferry.ops;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Every expiry, retry and lifetime decision reads this clock, so tests can move time
	 * instead of waiting. It lives here, in the module every other may use, so a module
	 * tested alone has it too.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
