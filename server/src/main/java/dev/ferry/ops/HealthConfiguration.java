package dev.ferry.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ferry.PublicPaths;

import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /health} answers liveness only. Actuator's root health normally aggregates every
 * indicator, so a database outage would make orchestrators restart healthy processes;
 * here the root uses the {@code liveness} group, and database and data directory checks
 * live in {@code /health/ready} (see management.endpoint.health.group in
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	static final String LIVENESS_GROUP = "liveness";

	/** Probes ask without credentials. */
	@Bean
	PublicPaths healthPaths() {
		return PublicPaths.of("/health", "/health/**");
	}

	@Bean
	HealthEndpointGroupsPostProcessor livenessAsRootHealth() {
		return (groups) -> {
			HealthEndpointGroup liveness = groups.get(LIVENESS_GROUP);
			if (liveness == null) {
				throw new IllegalStateException("Health group '" + LIVENESS_GROUP + "' must be configured");
			}
			Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
			groups.getNames().forEach((name) -> named.put(name, groups.get(name)));
			return HealthEndpointGroups.of(liveness, named);
		};
	}

}
