package dev.ferry.auth.oidc;

import java.io.IOException;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;

import org.springframework.stereotype.Component;

/**
 * Where a sign-in's role and group claims come from besides the ID token. Keycloak, for
 * one, puts realm roles only into the access token by default, and Entra ID and Okta can
 * put groups only into the UserInfo answer. The UserInfo answer counts only for the ID
 * token's subject; the access token only when its signature verifies with the provider's
 * keys and it names the provider as issuer.
 */
@Component
class ProviderClaims {

	private static final int HTTP_TIMEOUT_MS = 10_000;

	SignInClaims of(OidcProperties.Provider provider, OidcProviders.Discovered discovered, AccessToken accessToken,
			IDTokenClaimsSet idToken) {
		return new SignInClaims(idToken.toJSONObject(), () -> userInfo(discovered, accessToken, idToken),
				() -> accessTokenClaims(provider, discovered, accessToken));
	}

	private static Map<String, Object> userInfo(OidcProviders.Discovered discovered, AccessToken accessToken,
			IDTokenClaimsSet idToken) {
		if (discovered.metadata().getUserInfoEndpointURI() == null || accessToken == null) {
			return Map.of();
		}
		try {
			HTTPRequest request = new UserInfoRequest(discovered.metadata().getUserInfoEndpointURI(), accessToken)
				.toHTTPRequest();
			request.setConnectTimeout(HTTP_TIMEOUT_MS);
			request.setReadTimeout(HTTP_TIMEOUT_MS);
			UserInfoResponse response = UserInfoResponse.parse(request.send());
			if (!response.indicatesSuccess()) {
				throw new OidcFailure("userinfo_failed",
						"UserInfo refused: " + response.toErrorResponse().getErrorObject().getCode());
			}
			UserInfo info = response.toSuccessResponse().getUserInfo();
			if (info == null) {
				return Map.of();
			}
			if (!Objects.equals(info.getSubject(), idToken.getSubject())) {
				throw new OidcFailure("userinfo_failed", "UserInfo names another subject than the ID token");
			}
			return info.toJSONObject();
		}
		catch (IOException | com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new OidcFailure("userinfo_failed", "UserInfo request failed", ex);
		}
	}

	private static Map<String, Object> accessTokenClaims(OidcProperties.Provider provider,
			OidcProviders.Discovered discovered, AccessToken accessToken) {
		if (accessToken == null) {
			return Map.of();
		}
		JWT jwt;
		try {
			jwt = JWTParser.parse(accessToken.getValue());
		}
		catch (ParseException ex) {
			return Map.of();
		}
		String issuer = discovered.metadata().getIssuer().getValue();
		if (!(jwt instanceof SignedJWT signed) || !issuer.equals(issuerOf(signed))) {
			return Map.of();
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(
				new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
		processor.setJWSKeySelector(discovered.signingKeys());
		processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
		try {
			return processor.process(signed, null).getClaims();
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new OidcFailure("invalid_access_token",
					"Access token of " + provider.id() + " refused: " + ex.getMessage(), ex);
		}
	}

	private static String issuerOf(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			return null;
		}
	}

}
