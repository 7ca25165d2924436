package dev.ferry.auth.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;

/**
 * Rules for every new password (registration, setup, admin create, change, reset): a
 * minimum length ({@code FERRY_PASSWORD_MIN_LENGTH}), not on the shipped list of common
 * passwords, an estimated strength (nbvcxz) of at least
 * {@code FERRY_PASSWORD_MIN_ENTROPY} bits, and none of the account's last
 * {@code FERRY_PASSWORD_HISTORY} passwords.
 */
@Component
public class PasswordPolicy {

	public static final int MAX_LENGTH = 1024;

	private final AccountSecurityProperties properties;

	private final CommonPasswords common;

	private final PasswordHistoryRepository history;

	private final PasswordEncoder encoder;

	/**
	 * Feedback in English (the root bundle, never the JVM's default locale), like every
	 * text the server writes: the API translates it by the request's language.
	 */
	private final Nbvcxz estimator = new Nbvcxz(
			new ConfigurationBuilder().setLocale(Locale.ROOT).createConfiguration());

	PasswordPolicy(AccountSecurityProperties properties, CommonPasswords common, PasswordHistoryRepository history,
			PasswordEncoder encoder) {
		this.properties = properties;
		this.common = common;
		this.history = history;
		this.encoder = encoder;
	}

	/**
	 * What is wrong with {@code password}, without looking at any account's history;
	 * empty when nothing is.
	 */
	public Optional<Verdict> judge(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < properties.passwordMinLength() || password.length() > MAX_LENGTH) {
			return Optional.of(new Verdict("This password must be at least " + properties.passwordMinLength()
					+ " characters long (and at most " + MAX_LENGTH + ").", List.of()));
		}
		if (common.contains(password)) {
			return Optional
				.of(new Verdict("This password is one of the most common passwords; choose something less predictable.",
						List.of("Use a few uncommon words, or a password manager's generated password.")));
		}
		Result estimate = estimator.estimate(password);
		if (estimate.getEntropy() < properties.passwordMinEntropy()) {
			List<String> suggestions = new ArrayList<>();
			if (estimate.getFeedback().getWarning() != null) {
				suggestions.add(estimate.getFeedback().getWarning());
			}
			suggestions.addAll(estimate.getFeedback().getSuggestion());
			return Optional
				.of(new Verdict("This password is too easy to guess (estimated " + Math.round(estimate.getEntropy())
						+ " bits of strength, at least " + Math.round(properties.passwordMinEntropy()) + " needed).",
						suggestions));
		}
		return Optional.empty();
	}

	/** Throws a 400 naming {@code field} when {@code password} breaks a rule. */
	public void check(String field, String password, UUID userId) {
		Optional<Verdict> verdict = judge(password);
		if (verdict.isEmpty() && userId != null && reused(userId, password)) {
			verdict = Optional.of(new Verdict("This password was one of your last " + properties.passwordHistory()
					+ " passwords; choose one you have not used before.", List.of()));
		}
		verdict.ifPresent((problem) -> {
			throw AuthException.invalidPassword(field, problem.message(), problem.suggestions());
		});
	}

	/** Remembers a password just set, so it cannot come back too soon. */
	public void remember(UUID userId, String passwordHash) {
		history.add(userId, passwordHash, properties.passwordHistory());
	}

	private boolean reused(UUID userId, String password) {
		return history.recent(userId, properties.passwordHistory())
			.stream()
			.anyMatch((hash) -> encoder.matches(password, hash));
	}

	/** A broken rule and nbvcxz's advice on how to do better. */
	public record Verdict(String message, List<String> suggestions) {

		public String withSuggestions() {
			return suggestions.isEmpty() ? message : message + " " + String.join(" ", suggestions);
		}

	}

}
