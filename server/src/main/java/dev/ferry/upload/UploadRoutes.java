package dev.ferry.upload;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** tus discovery: clients ask what the server supports before signing in. */
@Configuration(proxyBeanMethods = false)
class UploadRoutes {

	@Bean
	PublicPaths tusDiscovery() {
		return PublicPaths.forMethod(HttpMethod.OPTIONS, TusController.BASE, TusController.BASE + "/*");
	}

}
