package dev.ferry;

/**
 * A setting, or a combination of settings, Ferry refuses to start with: invalid, or it
 * would expose something. {@code web.RefusedSettingFailureAnalyzer} prints it as a short
 * startup report instead of a stack trace.
 */
public class RefusedSettingException extends IllegalStateException {

	private final String action;

	public RefusedSettingException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
