package dev.ferry.web;

/**
 * A combination of settings Ferry refuses to start with, because it would expose
 * something. {@link UnsafeSettingFailureAnalyzer} prints it as a short startup report.
 */
class UnsafeSettingException extends IllegalStateException {

	private final String action;

	UnsafeSettingException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	String action() {
		return action;
	}

}
