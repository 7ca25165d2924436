package dev.ferry.web;

import dev.ferry.RefusedSettingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link RefusedSettingException} into Spring Boot's "APPLICATION FAILED TO START"
 * report (what is wrong, what to do) instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
public class RefusedSettingFailureAnalyzer extends AbstractFailureAnalyzer<RefusedSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RefusedSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
