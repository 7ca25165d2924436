package dev.ferry.auth.device;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The device's endpoints need no sign-in: the device code is their credential. */
@Configuration(proxyBeanMethods = false)
class DeviceRoutes {

	@Bean
	PublicPaths deviceEndpoints() {
		return PublicPaths.withOwnCredentials("/api/v1/auth/device/code", "/api/v1/auth/device/token");
	}

}
