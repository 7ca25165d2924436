package dev.ferry.auth.session;

import dev.ferry.auth.AccountNetworkRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds every authenticated API request (session, API key, OAuth token or ticket) to the
 * account's network rules, so a token taken from an allowed network does not work from
 * another one: 403 {@code ip-not-allowed} or {@code country-not-allowed}, audited as
 * {@code auth.request}.
 */
@Configuration(proxyBeanMethods = false)
class AccountNetworkCheck implements WebMvcConfigurer, HandlerInterceptor {

	private final AccountNetworkRules rules;

	AccountNetworkCheck(AccountNetworkRules rules) {
		this.rules = rules;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof FerryAuthentication ferry) {
			rules.refusal(ferry.getPrincipal().userId(), request.getRemoteAddr(), "auth.request")
				.ifPresent((refusal) -> {
					throw refusal.problem();
				});
		}
		return true;
	}

}
