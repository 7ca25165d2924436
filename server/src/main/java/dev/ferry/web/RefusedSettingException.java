package dev.ferry.web;

/**
 * A setting, or a combination of settings, Ferry refuses to start with: invalid, or it
 * would expose something. {@link RefusedSettingFailureAnalyzer} prints it as a short
 * startup report instead of a stack trace.
 */
class RefusedSettingException extends IllegalStateException {

	private final String action;

	RefusedSettingException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	String action() {
		return action;
	}

}
