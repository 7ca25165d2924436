package dev.ferry.upload;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The upload module's endpoints that are reachable without signing in. */
@Configuration(proxyBeanMethods = false)
class UploadRoutes {

	/** tus discovery: clients ask what the server supports before signing in. */
	@Bean
	PublicPaths tusDiscovery() {
		return PublicPaths.forMethod(HttpMethod.OPTIONS, TusController.BASE, TusController.BASE + "/*");
	}

	/**
	 * Uploads through an upload request: the {@link UploadGate} checks the
	 * {@code X-Upload-Request} credential itself.
	 */
	@Bean
	PublicPaths uploadRequestUploads() {
		return PublicPaths.withCredentialHeader(UploadGate.HEADER, TusController.BASE, TusController.BASE + "/**");
	}

}
