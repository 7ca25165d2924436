package dev.ferry.auth;

/**
 * What a successful sign-in or refresh answers. {@code refreshToken} is left out (null)
 * when it travels in the HttpOnly cookie instead.
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
	}

	TokenResponse withoutRefreshToken() {
		return new TokenResponse(accessToken, null, tokenType, expiresIn);
	}

}
