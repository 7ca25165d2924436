package dev.ferry.scim;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands {@code /scim/v2} to {@link ScimAccess}; {@link ScimRoutes} makes the paths public
 * to the security chain, which then never reads their {@code Authorization} header.
 */
@Configuration(proxyBeanMethods = false)
class ScimWebConfiguration implements WebMvcConfigurer {

	static final String BASE = "/scim/v2";

	private final ScimAccess access;

	ScimWebConfiguration(ScimAccess access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(access).addPathPatterns(BASE + "/**");
	}

}
