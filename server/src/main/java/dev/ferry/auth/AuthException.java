package dev.ferry.auth;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Authentication and account errors, each with a stable problem type. */
public class AuthException extends ProblemException {

	AuthException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static AuthException invalidCredentials() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
				"The email or password is wrong.");
	}

}
