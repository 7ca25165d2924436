package dev.ferry.web;

import java.io.IOException;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Answers index.html for paths the React router owns ({@code /files}, {@code /s/abc},
 * {@code /admin/audit}...), so a reload or a pasted link opens the right screen. Anything
 * that is not such a route stays a 404 (problem+json from the exception handler): the API
 * and actuator namespaces, where a wrong path must not look like success, and names with
 * an extension, which are files that do not exist.
 */
class SinglePageResolver extends PathResourceResolver {

	static final String INDEX = "index.html";

	@Override
	protected Resource getResource(String resourcePath, Resource location) throws IOException {
		Resource found = super.getResource(resourcePath, location);
		if (found != null || !isClientRoute(resourcePath)) {
			return found;
		}
		return super.getResource(INDEX, location);
	}

	static boolean isClientRoute(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		if (startsWithSegment(trimmed, "api") || startsWithSegment(trimmed, "health")
				|| startsWithSegment(trimmed, "metrics") || startsWithSegment(trimmed, "assets")) {
			return false;
		}
		String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
		return last.indexOf('.') < 0;
	}

	private static boolean startsWithSegment(String path, String segment) {
		return path.equals(segment) || path.startsWith(segment + "/");
	}

}
