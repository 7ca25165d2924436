package dev.ferry.auth;

import org.springframework.stereotype.Component;

/**
 * Rules for new passwords. Request records check the same bounds with bean validation so
 * the caller gets every field error at once; this check guards the services themselves.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 1024;

	static final String MESSAGE = "must be at least 12 characters long (and at most 1024)";

	void check(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw AuthException.invalidField("password", MESSAGE);
		}
	}

}
