package dev.ferry.auth.saml;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.session.Devices;
import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.auth.session.SsoRefusals;

/**
 * SAML 2.0 endpoints: Ferry's metadata for each provider, the start (a redirect to the
 * identity provider) and the assertion consumer, which signs in (refresh cookie, as after
 * a password sign-in) and redirects to the UI at {@code /}, or to
 * {@code /signin?sso_error=<reason>} when the sign-in failed.
 */
@Tag(name = "auth")
@RestController
class SamlController {

	static final String RELAY_COOKIE = "__Host-ferry-saml";

	static final MediaType METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

	private static final Logger log = LoggerFactory.getLogger(SamlController.class);

	private final SamlService saml;

	private final RefreshCookies cookies;

	private final SamlLogout logout;

	SamlController(SamlService saml, RefreshCookies cookies, SamlLogout logout) {
		this.saml = saml;
		this.cookies = cookies;
		this.logout = logout;
	}

	@Operation(operationId = "getSamlMetadata", summary = "Ferry's SAML 2.0 service provider metadata")
	@GetMapping(path = "/api/v1/auth/saml/{provider}/metadata", produces = "application/samlmetadata+xml")
	ResponseEntity<String> metadata(@PathVariable String provider) {
		return ResponseEntity.ok().contentType(METADATA).body(saml.metadata(provider));
	}

	@Operation(operationId = "startSamlSignIn", summary = "Redirect to a SAML 2.0 identity provider to sign in")
	@GetMapping("/api/v1/auth/login/saml/{provider}")
	ResponseEntity<Void> start(@PathVariable String provider) {
		SamlService.Start start;
		try {
			start = saml.start(provider);
		}
		catch (SamlFailure failure) {
			return failed(provider, failure);
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(start.redirect())
			.header(HttpHeaders.SET_COOKIE, relayCookie(start.relayState(), SamlFlows.FLOW_TTL))
			.build();
	}

	@Operation(operationId = "completeSamlSignIn",
			summary = "Assertion consumer: the identity provider posts its signed response here")
	@PostMapping(path = "/api/v1/auth/saml/{provider}/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> consume(@PathVariable String provider,
			@RequestParam(name = "SAMLResponse", required = false) String samlResponse,
			@RequestParam(name = "RelayState", required = false) String relayState, HttpServletRequest request,
			HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, relayCookie("", Duration.ZERO));
		ClientInfo client = Devices.identify(ClientInfo.of(request), response);
		try {
			cookies.deliver(saml.finish(provider, samlResponse, relayState, browserRelay(request), client), null,
					response);
			return redirect("/");
		}
		catch (SamlFailure failure) {
			return failed(provider, failure);
		}
		catch (AuthException refused) {
			return SsoRefusals.redirect(refused);
		}
	}

	/**
	 * Single logout (HTTP-POST binding): the identity provider's {@code LogoutRequest}
	 * ends the matching sessions and is answered (a browser is sent back to the provider
	 * with Ferry's response; a server-to-server call gets 200); its
	 * {@code LogoutResponse} to Ferry's request lands the browser on {@code /}.
	 */
	@Operation(operationId = "samlSingleLogout",
			summary = "SAML single logout: the identity provider posts its logout request or response here")
	@PostMapping(path = "/api/v1/auth/saml/{provider}/slo", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> singleLogout(@PathVariable String provider,
			@RequestParam(name = "SAMLRequest", required = false) String samlRequest,
			@RequestParam(name = "SAMLResponse", required = false) String samlResponse, HttpServletRequest request) {
		try {
			if (samlRequest != null) {
				boolean browser = "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
				return logout.requested(provider, samlRequest, browser)
					.map((url) -> redirect(url))
					.orElseGet(() -> ResponseEntity.ok().build());
			}
			logout.answered(provider, samlResponse);
			return redirect("/");
		}
		catch (SamlFailure failure) {
			log.info("SAML logout through {} failed: {} ({})", provider, failure.getMessage(), failure.reason());
			if (samlRequest != null) {
				throw AuthException.invalidField("SAMLRequest",
						"The logout request was refused (" + failure.reason() + ")");
			}
			return redirect("/signin?sso_error=" + URLEncoder.encode(failure.reason(), StandardCharsets.UTF_8));
		}
	}

	private static ResponseEntity<Void> failed(String provider, SamlFailure failure) {
		log.info("SAML sign-in through {} failed: {} ({}){}", provider, failure.getMessage(), failure.reason(),
				(failure.getCause() != null) ? ": " + failure.getCause().getMessage() : "");
		return redirect("/signin?sso_error=" + URLEncoder.encode(failure.reason(), StandardCharsets.UTF_8));
	}

	private static ResponseEntity<Void> redirect(String path) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(path)).build();
	}

	private static String browserRelay(HttpServletRequest request) {
		Cookie[] all = request.getCookies();
		return (all != null) ? Arrays.stream(all)
			.filter((cookie) -> RELAY_COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(null) : null;
	}

	/**
	 * SameSite=None: the identity provider posts the response from its own site, a
	 * cross-site POST that a Lax cookie would not come along on.
	 */
	private static String relayCookie(String value, Duration maxAge) {
		return ResponseCookie.from(RELAY_COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(true)
			.sameSite("None")
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
