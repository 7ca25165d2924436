package dev.ferry.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller maps, whatever their method. Security lets them
 * through to MVC, which answers 404: "sign in first" is the wrong advice for a mistyped
 * URL, and the public OpenAPI document lists every route anyway.
 */
class UnknownRouteMatcher implements RequestMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> controllers;

	UnknownRouteMatcher(ObjectProvider<RequestMappingHandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		HttpServletRequest probe = new IsolatedAttributes(request);
		ServletRequestPathUtils.parseAndCache(probe);
		try {
			return controllers.getObject().getHandler(probe) == null;
		}
		catch (Exception ex) {
			// The lookup throws when a route has this path but another method or media
			// type: the route exists, so the request is not unknown.
			return false;
		}
	}

	/** Keeps the attributes the handler lookup sets away from the real request. */
	private static final class IsolatedAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		IsolatedAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.put(name, null);
		}

	}

}
