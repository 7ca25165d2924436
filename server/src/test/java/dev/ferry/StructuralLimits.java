package dev.ferry;

import java.util.Map;

/**
 * Guidance the build checks: no production source file over {@link #MAX_LINES} lines and
 * no constructor with more than {@link #MAX_COLLABORATORS} parameters (records excepted:
 * their components are data, not collaborators). The lists hold today's offenders, with
 * their size when the limit was set; a new offender, or a listed one that grows, fails
 * {@link ModularityTests}, and so does an entry that no longer exceeds, so the lists only
 * shrink.
 */
final class StructuralLimits {

	static final int MAX_LINES = 300;

	static final int MAX_COLLABORATORS = 7;

	/** Source files (class names) over the line limit, with their length. */
	static final Map<String, Integer> LONG_CLASSES = Map.of("dev.ferry.storage.internal.EncryptedBlobStorage", 315);

	/**
	 * Classes with a constructor over the collaborator limit, with its parameter count.
	 */
	static final Map<String, Integer> WIDE_CONSTRUCTORS = Map.ofEntries(Map.entry("dev.ferry.admin.AdminStats", 9),
			Map.entry("dev.ferry.auth.account.AdminBootstrap", 8),
			Map.entry("dev.ferry.auth.session.MfaLoginService", 9),
			Map.entry("dev.ferry.auth.password.PasswordService", 15),
			Map.entry("dev.ferry.auth.session.SessionService", 8), Map.entry("dev.ferry.auth.mfa.TwoFactorService", 10),
			Map.entry("dev.ferry.auth.account.UserAdminService", 8), Map.entry("dev.ferry.upload.UploadCompletion", 8),
			Map.entry("dev.ferry.upload.UploadService", 10));

	private StructuralLimits() {
	}

}
