package dev.ferry.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ferry.PublicPaths;
import dev.ferry.TicketRoute;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket routes and public paths are declared by the module whose controllers serve them,
 * so neither the auth module nor the security configuration names another module's paths.
 */
class RouteOwnershipIntegrationTests extends IntegrationTest {

	private static final String SAMPLE_ID = "0f0e0d0c-0000-4000-8000-000000000000";

	@Autowired
	private ConfigurableListableBeanFactory beans;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping controllers;

	@Test
	void everyTicketRouteIsDeclaredByTheModuleThatServesIt() {
		Map<String, TicketRoute> routes = beans.getBeansOfType(TicketRoute.class);
		assertThat(routes.values().stream().filter(TicketRoute::account).map((route) -> route.path().pattern()))
			.as("today's account ticket routes")
			.containsExactlyInAnyOrder("/api/v1/files/[A-Za-z0-9-]{1,64}/download",
					"/api/v1/files/[A-Za-z0-9-]{1,64}/versions/[1-9][0-9]{0,8}/download",
					"/api/v1/shared-with-me/files/[A-Za-z0-9-]{1,64}/download", "/api/v1/admin/audit-logs/export",
					"/api/v1/admin/reports/compliance", "/api/v1/files/zips/[A-Za-z0-9-]{1,64}/download");
		routes.forEach((name, route) -> {
			Set<String> servedBy = handlers().entrySet()
				.stream()
				.filter((handler) -> route.matches(handler.getKey()))
				.map(Map.Entry::getValue)
				.collect(Collectors.toSet());
			assertThat(servedBy).as(route.path().pattern()).containsExactly(declaringModule(name));
		});
	}

	@Test
	void everyPublicPathIsDeclaredByTheModuleThatServesIt() {
		PathPatternParser parser = new PathPatternParser();
		beans.getBeansOfType(PublicPaths.class).forEach((name, paths) -> {
			List<PathPattern> patterns = paths.patterns().stream().map(parser::parse).toList();
			Set<String> servedBy = handlers().entrySet()
				.stream()
				.filter((handler) -> patterns.stream()
					.anyMatch((pattern) -> pattern.matches(PathContainer.parsePath(handler.getKey()))))
				.map(Map.Entry::getValue)
				.collect(Collectors.toSet());
			assertThat(servedBy).as(paths.patterns().toString()).isSubsetOf(declaringModule(name));
		});
	}

	/** Every controller path of the server (with sample ids) and its module. */
	private Map<String, String> handlers() {
		Map<String, String> handlers = new java.util.HashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : controllers.getHandlerMethods().entrySet()) {
			String type = entry.getValue().getBeanType().getName();
			if (type.startsWith("dev.ferry.")) {
				// A version is a number in routes (the ticket route for older versions
				// says so).
				entry.getKey()
					.getPatternValues()
					.forEach((pattern) -> handlers
						.put(pattern.replace("{version}", "1").replaceAll("\\{[^}]+}", SAMPLE_ID), module(type)));
			}
		}
		return handlers;
	}

	private String declaringModule(String beanName) {
		String factory = beans.getBeanDefinition(beanName).getFactoryBeanName();
		return module(beans.getType(factory).getName());
	}

	private static String module(String className) {
		String rest = className.substring("dev.ferry.".length());
		return rest.substring(0, rest.indexOf('.'));
	}

}
