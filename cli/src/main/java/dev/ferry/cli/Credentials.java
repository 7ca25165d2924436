package dev.ferry.cli;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code ferry login} remembers: the server and either a session (access and refresh
 * token) or an API key.
 */
record Credentials(@JsonProperty("server") String server, @JsonProperty("email") String email,
		@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
		@JsonProperty("api_key") String apiKey) {

	String bearer() {
		return (apiKey != null) ? apiKey : accessToken;
	}

	Credentials refreshed(String newAccessToken, String newRefreshToken) {
		return new Credentials(server, email, newAccessToken, newRefreshToken, apiKey);
	}

}
