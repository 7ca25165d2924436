package dev.ferry.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import org.springframework.stereotype.Component;

/**
 * Redeems an authorization code at the provider's token endpoint and checks the ID token
 * it answers; the result also reads claims from UserInfo and the access token on demand.
 */
@Component
class TokenExchange {

	private static final int HTTP_TIMEOUT_MS = 10_000;

	private final ProviderClaims claims;

	private final Clock clock;

	TokenExchange(ProviderClaims claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	Tokens redeem(OidcProperties.Provider provider, OidcProviders.Discovered discovered, String code,
			OidcFlows.Secrets secrets, URI redirectUri) {
		OIDCTokens tokens = exchange(provider, discovered, code, secrets, redirectUri);
		IDTokenClaimsSet idClaims = validate(discovered, tokens.getIDToken(), secrets);
		return new Tokens(tokens.getIDToken(), idClaims,
				claims.of(provider, discovered, tokens.getAccessToken(), idClaims));
	}

	private static OIDCTokens exchange(OidcProperties.Provider provider, OidcProviders.Discovered discovered,
			String code, OidcFlows.Secrets secrets, URI redirectUri) {
		try {
			HTTPRequest request = new TokenRequest(discovered.metadata().getTokenEndpointURI(),
					new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
					new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, secrets.verifier()))
				.toHTTPRequest();
			request.setConnectTimeout(HTTP_TIMEOUT_MS);
			request.setReadTimeout(HTTP_TIMEOUT_MS);
			com.nimbusds.oauth2.sdk.TokenResponse response = OIDCTokenResponseParser.parse(request.send());
			if (!response.indicatesSuccess()) {
				throw new OidcFailure("token_refused",
						"Token endpoint refused: " + response.toErrorResponse().getErrorObject().getCode());
			}
			OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
			if (tokens.getIDToken() == null) {
				throw new OidcFailure("no_id_token", "The token response has no ID token");
			}
			return tokens;
		}
		catch (IOException | com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new OidcFailure("token_failed", "Token request failed", ex);
		}
	}

	/**
	 * Signature, issuer, audience, nonce and times; the expiry is checked against Ferry's
	 * clock as well, which is what every other expiry decision reads.
	 */
	private IDTokenClaimsSet validate(OidcProviders.Discovered discovered, JWT idToken, OidcFlows.Secrets secrets) {
		IDTokenClaimsSet claims;
		try {
			claims = discovered.validator().validate(idToken, secrets.nonce());
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new OidcFailure("invalid_id_token", "ID token refused: " + ex.getMessage(), ex);
		}
		if (!claims.getExpirationTime().toInstant().plus(OidcProviders.CLOCK_SKEW).isAfter(clock.instant())) {
			throw new OidcFailure("invalid_id_token", "ID token expired");
		}
		return claims;
	}

	/** A checked ID token, its claims, and every claim source of the sign-in. */
	record Tokens(JWT idToken, IDTokenClaimsSet idClaims, SignInClaims claims) {
	}

}
