package dev.ferry.gdpr;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GdprRoutes {

	/** A mailed export link carries its own credential, the token in the path. */
	@Bean
	PublicPaths exportDownload() {
		return PublicPaths.withOwnCredentials(GdprExports.DOWNLOAD + "*");
	}

}
