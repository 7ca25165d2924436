package dev.ferry.auth.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.Scope;
import dev.ferry.crypto.SecureTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protocol endpoints, where Spring Authorization Server would put them. Their errors
 * are RFC 6749's JSON ({@code error}, {@code error_description}), not problem+json:
 * OAuth2 client libraries parse that shape.
 */
@Tag(name = "auth")
@RestController
class OAuthProtocolController {

	static final String CONSENT_PAGE = "/oauth/consent";

	private final OAuthAppRepository apps;

	private final OAuthTokenService tokens;

	private final PublicUrl publicUrl;

	OAuthProtocolController(OAuthAppRepository apps, OAuthTokenService tokens, PublicUrl publicUrl) {
		this.apps = apps;
		this.tokens = tokens;
		this.publicUrl = publicUrl;
	}

	@Operation(operationId = "oauthAuthorize",
			summary = "Start the authorization code flow (PKCE S256 required); redirects to the consent screen")
	@GetMapping("/oauth2/authorize")
	ResponseEntity<Object> authorize(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params) {
		try {
			AuthorizationRequest.check(params, apps);
			return redirect(CONSENT_PAGE + "?" + request.getQueryString());
		}
		catch (AuthorizationRequest.Redirected ex) {
			return redirect(ex.location());
		}
		catch (AuthorizationRequest.Unredirectable ex) {
			return error(ex.error());
		}
	}

	@Operation(operationId = "oauthToken",
			summary = "Exchange an authorization code (with code_verifier) or a refresh token for tokens")
	@PostMapping(path = "/oauth2/token")
	ResponseEntity<Object> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params) {
		String grantType = single(params, "grant_type");
		OAuthAppRepository.App app = client(request, params, grantType);
		OAuthTokenService.IssuedTokens response = switch ((grantType != null) ? grantType : "") {
			case "authorization_code" -> tokens.exchangeCode(app, single(params, "code"),
					single(params, "redirect_uri"), single(params, "code_verifier"));
			case "refresh_token" -> tokens.refresh(app, single(params, "refresh_token"), scopes(app, params));
			case "" -> throw tokens.refused(app, null, OAuthError.invalidRequest("Send grant_type."));
			default -> throw tokens.refused(app, grantType, new OAuthError("unsupported_grant_type",
					"Supported grant types: authorization_code, refresh_token."));
		};
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(response);
	}

	@Operation(operationId = "oauthRevoke", summary = "Revoke an access or refresh token (RFC 7009)")
	@PostMapping(path = "/oauth2/revoke")
	ResponseEntity<Void> revoke(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params) {
		OAuthAppRepository.App app = client(request, params, "revoke");
		String token = single(params, "token");
		if (token == null) {
			throw tokens.refused(app, "revoke", OAuthError.invalidRequest("Send token."));
		}
		tokens.revoke(app, token);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
	}

	@Operation(operationId = "oauthMetadata", summary = "Authorization server metadata (RFC 8414)")
	@GetMapping("/.well-known/oauth-authorization-server")
	Map<String, Object> metadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", publicUrl.resolve(""));
		metadata.put("authorization_endpoint", publicUrl.resolve("/oauth2/authorize"));
		metadata.put("token_endpoint", publicUrl.resolve("/oauth2/token"));
		metadata.put("revocation_endpoint", publicUrl.resolve("/oauth2/revoke"));
		metadata.put("response_types_supported", List.of("code"));
		metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
		metadata.put("scopes_supported", Scope.apiNames(AuthorizationRequest.GRANTABLE));
		metadata.put("code_challenge_methods_supported", List.of("S256"));
		List<String> authMethods = List.of("client_secret_basic", "client_secret_post", "none");
		metadata.put("token_endpoint_auth_methods_supported", authMethods);
		metadata.put("revocation_endpoint_auth_methods_supported", authMethods);
		metadata.put("service_documentation", publicUrl.resolve("/api/v1/openapi.json"));
		return metadata;
	}

	@ExceptionHandler(OAuthError.class)
	ResponseEntity<Object> error(OAuthError error) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status())
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON);
		if (error.status() == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ferry\"");
		}
		return response.body(error.body());
	}

	/**
	 * RFC 6749 2.3.1: HTTP Basic with the form-encoded id and secret, or both in the
	 * body, never both ways at once; a public app sends only its {@code client_id}.
	 */
	private OAuthAppRepository.App client(HttpServletRequest request, MultiValueMap<String, String> params,
			String grantType) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String clientId = single(params, "client_id");
		String secret = single(params, "client_secret");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			if (secret != null) {
				throw tokens.refused(null, grantType,
						OAuthError.invalidRequest("Authenticate the client one way only: Basic or client_secret."));
			}
			String[] basic = basic(header.substring(6).trim());
			if (basic == null || (clientId != null && !clientId.equals(basic[0]))) {
				throw tokens.refused(null, grantType, OAuthError.invalidClient("Malformed Basic client credentials."));
			}
			clientId = basic[0];
			secret = basic[1];
		}
		Optional<OAuthAppRepository.App> app = AuthorizationRequest.parseId(clientId).flatMap(apps::find);
		if (app.isEmpty()) {
			throw tokens.refused(null, grantType, OAuthError.invalidClient("Unknown client_id."));
		}
		if (app.get().confidential() && (secret == null || !SecureTokens.constantTimeEquals(SecureTokens.hash(secret),
				apps.secretHash(app.get().id()).orElse(null)))) {
			throw tokens.refused(app.get(), grantType, OAuthError.invalidClient("Wrong or missing client secret."));
		}
		return app.get();
	}

	private static String[] basic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Set<Scope> scopes(OAuthAppRepository.App app, MultiValueMap<String, String> params) {
		String scope = single(params, "scope");
		try {
			return (scope != null) ? AuthorizationRequest.parseScopes(scope) : null;
		}
		catch (OAuthError ex) {
			throw tokens.refused(app, "refresh_token", ex);
		}
	}

	/** A parameter sent at most once (RFC 6749 3.1); repeated, it is refused. */
	private String single(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw tokens.refused(null, null, OAuthError.invalidRequest("The parameter '" + name + "' is repeated."));
		}
		return values.get(0);
	}

	private static ResponseEntity<Object> redirect(String location) {
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
	}

}
