package dev.ferry.auth.session;

import dev.ferry.auth.Role;

/**
 * Whether the server's 2FA policy makes a role enroll a second factor before its sessions
 * may do anything else; implemented by {@code auth.mfa}.
 */
public interface TwoFactorRequirement {

	boolean requiredFor(Role role);

}
