package dev.ferry.share;

import dev.ferry.FerryProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute addresses of public pages: {@code ferry.public-url} when set (behind a proxy
 * it must be), else the scheme, host and port of the current request.
 */
@Component
public class ShareUrls {

	private final FerryProperties properties;

	ShareUrls(FerryProperties properties) {
		this.properties = properties;
	}

	public String link(String token) {
		return base() + "/s/" + token;
	}

	public String uploadRequest(String token) {
		return base() + "/u/" + token;
	}

	private String base() {
		String configured = properties.publicUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.replaceAll("/+$", "");
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath("").toUriString();
	}

}
