package dev.ferry.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2 provider against the running server with Nimbus OAuth 2.0 SDK as the app:
 * metadata discovery, authorization with PKCE, the consent answered through the real
 * endpoints as the signed-in user, token exchange, scoped API calls, refresh and
 * revocation, and RFC 6749 errors for bad input.
 */
class OAuthProviderIntegrationTests extends AuthIntegrationTest {

	static final String CALLBACK = "http://127.0.0.1:9/callback";

	AuthorizationServerMetadata metadata;

	@BeforeEach
	void discover() throws Exception {
		Api.Response found = api.get("/.well-known/oauth-authorization-server", null);
		assertThat(found.status()).isEqualTo(200);
		metadata = AuthorizationServerMetadata.parse(found.body());
		assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
	}

	@Test
	void aPublicAppCompletesTheFlowAndItsTokenIsHeldToItsScopes() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		CodeVerifier verifier = new CodeVerifier();

		AuthorizationCode code = approve(session, authorize(clientId, verifier, "read", new State()));
		AccessTokenResponse tokens = exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)))
			.toSuccessResponse();
		String access = tokens.getTokens().getAccessToken().getValue();
		assertThat(access).startsWith("fyat_");
		assertThat(tokens.getTokens().getAccessToken().getScope().toStringList()).containsExactly("read");

		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(200);
		Api.Response upload = upload(access);
		assertThat(upload.status()).as(upload.body()).isEqualTo(403);
		assertThat(upload.contentType()).startsWith("application/problem+json");
		assertThat(upload.json().get("detail").asString()).contains("'write' scope");
		Api.Response keyMaking = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")),
				access);
		assertThat(keyMaking.status()).isEqualTo(403);

		RefreshToken refresh = tokens.getTokens().getRefreshToken();
		AccessTokenResponse refreshed = exchange(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientID(clientId), new RefreshTokenGrant(refresh)))
			.toSuccessResponse();
		String renewed = refreshed.getTokens().getAccessToken().getValue();
		assertThat(api.get("/api/v1/files", renewed).status()).isEqualTo(200);

		HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), new ClientID(clientId),
				refreshed.getTokens().getRefreshToken())
			.toHTTPRequest()
			.send();
		assertThat(revoked.getStatusCode()).isEqualTo(200);
		Api.Response after = api.get("/api/v1/files", renewed);
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.contentType()).startsWith("application/problem+json");
		assertThat(audits("oauth.token_issue")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(audits("oauth.token_revoke")).anySatisfy((row) -> assertThat(row.outcome()).isEqualTo("success"));
	}

	@Test
	void aSessionNarrowedByADeviceSignInGrantsAnAppNoMoreThanItHolds() throws Exception {
		Account user = createAccount("user");
		String device = deviceSession(user.token(api), List.of("read"));
		String clientId = registerApp(device, "public").get("client_id").asString();

		String access = accessToken(device, clientId, "read write share");

		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(200);
		assertThat(upload(access).status()).as("write was never the session's to give").isEqualTo(403);
	}

	/** A session from the device flow, approved by {@code session} for {@code scopes}. */
	private String deviceSession(String session, List<String> scopes) {
		JsonNode codes = api
			.post("/api/v1/auth/device/code", Map.of("client_name", "narrow device", "scopes", scopes), null)
			.json();
		assertThat(
				api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), session)
					.status())
			.isEqualTo(204);
		Api.Response tokens = api.post("/api/v1/auth/device/token",
				Map.of("device_code", codes.get("device_code").asString()), null);
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		return tokens.json().get("access_token").asString();
	}

	@Test
	void aConfidentialAppWithWriteScopeUploadsAndAReusedRefreshTokenRevokesTheGrant() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		JsonNode app = registerApp(session, "confidential");
		ClientID clientId = new ClientID(app.get("client_id").asString());
		String secret = app.get("client_secret").asString();
		assertThat(secret).startsWith("fycs_");
		assertThat(jdbc.sql("SELECT secret_hash FROM oauth_apps WHERE id = ?")
			.param(clientId.getValue())
			.query(String.class)
			.single()).isEqualTo(dev.ferry.crypto.SecureTokens.hash(secret));
		assertThat(api.get("/api/v1/oauth/apps", session).body()).doesNotContain(secret);
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = approve(session, authorize(clientId.getValue(), verifier, "read write", new State()));

		TokenResponse wrongSecret = exchange(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientSecretBasic(clientId, new Secret("fycs_wrong")),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)));
		assertThat(error(wrongSecret).getCode()).isEqualTo("invalid_client");
		assertThat(error(wrongSecret).getHTTPStatusCode()).isEqualTo(401);

		AccessTokenResponse tokens = exchange(
				new TokenRequest(metadata.getTokenEndpointURI(), new ClientSecretBasic(clientId, new Secret(secret)),
						new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)))
			.toSuccessResponse();
		String access = tokens.getTokens().getAccessToken().getValue();
		assertThat(upload(access).status()).isEqualTo(201);
		Api.Response share = api.post("/api/v1/upload-requests", Map.of("title", "Inbox " + UUID.randomUUID()), access);
		assertThat(share.status()).as(share.body()).isEqualTo(403);

		RefreshTokenGrant refresh = new RefreshTokenGrant(tokens.getTokens().getRefreshToken());
		ClientSecretBasic auth = new ClientSecretBasic(clientId, new Secret(secret));
		assertThat(exchange(new TokenRequest(metadata.getTokenEndpointURI(), auth, refresh)).indicatesSuccess())
			.isTrue();
		TokenResponse replayed = exchange(new TokenRequest(metadata.getTokenEndpointURI(), auth, refresh));
		assertThat(error(replayed).getCode()).isEqualTo("invalid_grant");
		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(401);
	}

	@Test
	void theAccountPageListsTheAppAndRevokingItStopsItsTokensAtOnce() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		String access = accessToken(session, clientId, "read share");
		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(200);

		Api.Response listed = api.get("/api/v1/oauth/authorizations", session);
		JsonNode item = listed.json().get("items").get(0);
		assertThat(item.get("app_id").asString()).isEqualTo(clientId);
		assertThat(item.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read", "share");
		assertThat(api.get("/api/v1/oauth/authorizations", access).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/oauth/authorizations/" + item.get("id").asString(), access).status())
			.isEqualTo(403);

		assertThat(api.delete("/api/v1/oauth/authorizations/" + item.get("id").asString(), session).status())
			.isEqualTo(204);

		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/oauth/authorizations", session).json().get("items").size()).isZero();
		assertThat(audits("oauth.authorization_revoke"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(item.get("id").asString()));
		assertThat(audits("oauth.token_use")).anySatisfy((row) -> assertThat(row.outcome()).isEqualTo("denied"));
		assertThat(audits("auth.token_rejected"))
			.anySatisfy((row) -> assertThat(row.details()).contains("\"credential\":\"oauth_token\""));
	}

	@Test
	void denyingSendsAccessDeniedBackToTheApp() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		State state = new State();
		URI consent = authorize(clientId, new CodeVerifier(), "read", state);

		Api.Response denied = api.post("/api/v1/oauth/consent", consentBody(consent, false), session);

		assertThat(denied.status()).as(denied.body()).isEqualTo(200);
		AuthorizationResponse response = AuthorizationResponse
			.parse(URI.create(denied.json().get("redirect_to").asString()));
		AuthorizationErrorResponse error = response.toErrorResponse();
		assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
		assertThat(error.getState()).isEqualTo(state);
		assertThat(audits("oauth.consent_deny")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(clientId));
	}

	@Test
	void badAuthorizationRequestsGetRfc6749Errors() {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		String challenge = "&code_challenge=" + new CodeVerifier().getValue() + "&code_challenge_method=S256";

		Api.Response unknown = get("/oauth2/authorize?response_type=code&client_id=" + UUID.randomUUID()
				+ "&redirect_uri=" + encode(CALLBACK) + challenge);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_request");
		assertThat(unknown.json().get("error_description").asString()).contains("client_id");

		Api.Response elsewhere = get("/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
				+ encode("https://evil.example/callback") + challenge);
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.header("Location")).isNull();
		assertThat(elsewhere.json().get("error_description").asString()).contains("redirect_uri");

		Api.Response noPkce = get("/oauth2/authorize?response_type=code&state=s1&client_id=" + clientId
				+ "&redirect_uri=" + encode(CALLBACK));
		assertThat(noPkce.status()).isEqualTo(302);
		assertThat(noPkce.header("Location")).startsWith(CALLBACK + "?error=invalid_request&")
			.contains("PKCE")
			.endsWith("&state=s1");

		Api.Response plain = get(
				"/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + encode(CALLBACK)
						+ "&code_challenge=" + new CodeVerifier().getValue() + "&code_challenge_method=plain");
		assertThat(plain.header("Location")).startsWith(CALLBACK + "?error=invalid_request");

		Api.Response admin = get("/oauth2/authorize?response_type=code&scope=admin&client_id=" + clientId
				+ "&redirect_uri=" + encode(CALLBACK) + challenge);
		assertThat(admin.header("Location")).startsWith(CALLBACK + "?error=invalid_scope");

		Api.Response implicit = get("/oauth2/authorize?response_type=token&client_id=" + clientId + "&redirect_uri="
				+ encode(CALLBACK) + challenge);
		assertThat(implicit.header("Location")).startsWith(CALLBACK + "?error=unsupported_response_type");
	}

	@Test
	void badTokenRequestsGetRfc6749ErrorsNeverA500() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = approve(session, authorize(clientId, verifier, "read", new State()));

		TokenResponse wrongVerifier = exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), new CodeVerifier())));
		assertThat(error(wrongVerifier).getCode()).isEqualTo("invalid_grant");
		assertThat(error(wrongVerifier).getDescription()).contains("code_verifier");

		TokenResponse unknownClient = exchange(
				new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(UUID.randomUUID().toString()),
						new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)));
		assertThat(error(unknownClient).getCode()).isEqualTo("invalid_client");

		TokenResponse noVerifier = exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK))));
		assertThat(error(noVerifier).getCode()).isEqualTo("invalid_request");

		assertThat(exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)))
			.indicatesSuccess()).isTrue();
		TokenResponse reused = exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)));
		assertThat(error(reused).getCode()).isEqualTo("invalid_grant");

		Api.Response json = api.post("/oauth2/token", Map.of("grant_type", "authorization_code"), null);
		assertThat(json.status()).isEqualTo(401);
		assertThat(json.json().get("error").asString()).isEqualTo("invalid_client");
		Api.Response unsupported = form("/oauth2/token", "grant_type=password&client_id=" + clientId);
		assertThat(unsupported.status()).isEqualTo(400);
		assertThat(unsupported.json().get("error").asString()).isEqualTo("unsupported_grant_type");
		assertThat(audits("oauth.token_refuse")).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void registrationAcceptsOnlyHttpsOrLoopbackRedirects() {
		String session = createAccount("user").token(api);
		for (String uri : List.of("http://example.com/cb", "https://example.com/cb#frag", "ftp://127.0.0.1/cb",
				"/relative", "http://127.0.0.1.evil.example/cb")) {
			Api.Response refused = api.post("/api/v1/oauth/apps",
					Map.of("name", "App", "client_type", "public", "redirect_uris", List.of(uri)), session);
			assertThat(refused.status()).as(uri).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("redirect_uris");
		}
		assertThat(api
			.post("/api/v1/oauth/apps",
					Map.of("name", "App", "client_type", "public", "redirect_uris",
							List.of("https://app.example/cb", "http://[::1]:8765/cb", "http://localhost/cb")),
					session)
			.status()).isEqualTo(201);
	}

	@Test
	void adminsListAndDeleteEveryAppAndItsTokensStop() throws Exception {
		Account user = createAccount("user");
		String session = user.token(api);
		String clientId = registerApp(session, "public").get("client_id").asString();
		String access = accessToken(session, clientId, "read");
		Account other = createAccount("user");
		assertThat(api.delete("/api/v1/oauth/apps/" + clientId, other.token(api)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/oauth/apps/all", session).status()).isEqualTo(403);
		assertThat(audits("oauth.app_list_all")).as("the refusal stays on the trail")
			.anySatisfy((row) -> assertThat(row.outcome()).isEqualTo("denied"));

		assertThat(api.get("/api/v1/oauth/apps/all", adminToken()).body()).contains(clientId);
		assertThat(api.delete("/api/v1/oauth/apps/" + clientId, adminToken()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/files", access).status()).isEqualTo(401);
		assertThat(get("/oauth2/authorize?client_id=" + clientId).status()).isEqualTo(400);
		assertThat(audits("oauth.app_register")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(clientId));
		assertThat(audits("oauth.app_delete")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(clientId));
	}

	private JsonNode registerApp(String session, String type) {
		Api.Response created = api.post("/api/v1/oauth/apps",
				Map.of("name", "Photo sync", "client_type", type, "redirect_uris", List.of(CALLBACK)), session);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/**
	 * The app sends the browser to the authorization endpoint; Ferry answers with its
	 * consent page, carrying the request along.
	 */
	private URI authorize(String clientId, CodeVerifier verifier, String scope, State state) {
		URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
				new ClientID(clientId))
			.redirectionURI(URI.create(CALLBACK))
			.scope(Scope.parse(scope))
			.state(state)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.endpointURI(metadata.getAuthorizationEndpointURI())
			.build()
			.toURI();
		Api.Response redirect = get(request.getRawPath() + "?" + request.getRawQuery());
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith("/oauth/consent?");
		return URI.create(redirect.header("Location"));
	}

	/** What the consent screen does as the signed-in user when they approve. */
	private AuthorizationCode approve(String session, URI consent) throws Exception {
		Api.Response question = api.get("/api/v1/oauth/consent?" + consent.getRawQuery(), session);
		assertThat(question.status()).as(question.body()).isEqualTo(200);
		assertThat(question.json().get("app_name").asString()).isEqualTo("Photo sync");
		Api.Response answer = api.post("/api/v1/oauth/consent", consentBody(consent, true), session);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		AuthorizationSuccessResponse success = AuthorizationResponse
			.parse(URI.create(answer.json().get("redirect_to").asString()))
			.toSuccessResponse();
		return success.getAuthorizationCode();
	}

	/** The whole flow for a public app: authorize, approve, exchange. */
	private String accessToken(String session, String clientId, String scope) throws Exception {
		CodeVerifier verifier = new CodeVerifier();
		AuthorizationCode code = approve(session, authorize(clientId, verifier, scope, new State()));
		return exchange(new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(clientId),
				new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken()
			.getValue();
	}

	private static Map<String, Object> consentBody(URI consent, boolean approve) {
		Map<String, Object> body = new HashMap<>();
		AuthorizationRequest request;
		try {
			request = AuthorizationRequest.parse(consent);
		}
		catch (com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new AssertionError(ex);
		}
		body.put("response_type", request.getResponseType().toString());
		body.put("client_id", request.getClientID().getValue());
		body.put("redirect_uri", request.getRedirectionURI().toString());
		body.put("scope", request.getScope().toString());
		body.put("state", request.getState().getValue());
		body.put("code_challenge", request.getCodeChallenge().getValue());
		body.put("code_challenge_method", request.getCodeChallengeMethod().getValue());
		body.put("approve", approve);
		return body;
	}

	private static TokenResponse exchange(TokenRequest request) throws Exception {
		return TokenResponse.parse(request.toHTTPRequest().send());
	}

	private static com.nimbusds.oauth2.sdk.ErrorObject error(TokenResponse response) {
		assertThat(response.indicatesSuccess()).isFalse();
		return ((TokenErrorResponse) response).getErrorObject();
	}

	private Api.Response upload(String token) {
		return api
			.send(api.builder("/api/v1/files/content?path=" + encode("/oauth-" + UUID.randomUUID() + ".txt"), token)
				.header("Content-Type", "text/plain")
				.PUT(HttpRequest.BodyPublishers.ofString("from an app")));
	}

	private Api.Response get(String path) {
		return api.send(api.builder(path, null).GET());
	}

	private Api.Response form(String path, String body) {
		return api.send(api.builder(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
