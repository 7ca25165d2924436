package dev.ferry.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API from another site ({@code FERRY_CORS_ORIGINS},
 * comma-separated, e.g. {@code https://app.example.com}). Empty: same origin only.
 */
@ConfigurationProperties("ferry.cors")
record CorsProperties(@DefaultValue List<String> origins) {

	List<String> allowedOrigins() {
		return origins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
	}

}
