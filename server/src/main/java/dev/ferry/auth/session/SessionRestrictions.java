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
 * another one (403 {@code ip-not-allowed} or {@code country-not-allowed}, audited as
 * {@code auth.request}), and a restricted session (2FA enrollment or password change
 * pending) to the few endpoints that let its owner fix the account: any other request is
 * a 403 whose problem type says what to do ({@code /problems/mfa-enrollment-required},
 * {@code /problems/password-change-required}).
 */
@Configuration(proxyBeanMethods = false)
class SessionRestrictions implements WebMvcConfigurer, HandlerInterceptor {

	private final AccountNetworkRules rules;

	SessionRestrictions(AccountNetworkRules rules) {
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
		if (authentication instanceof FerryAuthentication ferry && ferry.restriction() != null) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!ferry.restriction().allows(request.getMethod(), path)) {
				throw ferry.restriction().problem();
			}
		}
		return true;
	}

}
