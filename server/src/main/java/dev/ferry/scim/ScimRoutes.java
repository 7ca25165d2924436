package dev.ferry.scim;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SCIM paths the security chain leaves to {@link ScimAccess}. */
@Configuration(proxyBeanMethods = false)
class ScimRoutes {

	@Bean
	PublicPaths scimPublicPaths() {
		return PublicPaths.withOwnCredentials(ScimWebConfiguration.BASE + "/**");
	}

}
