package dev.ferry.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SinglePageResolverTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "files", "/files", "admin/audit", "s/abc-DEF_123", "setup", "apiary", "healthy",
			"files/deep/route" })
	void clientRoutes(String path) {
		assertThat(SinglePageResolver.isClientRoute(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api", "api/v1/x", "/api/v1/x", "health", "health/liveness", "metrics", "assets/x",
			"favicon.ico", "docs/report.pdf" })
	void notClientRoutes(String path) {
		assertThat(SinglePageResolver.isClientRoute(path)).isFalse();
	}

}
