package dev.ferry.auth;

/** What a successful sign-in or refresh answers. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
	}

}
