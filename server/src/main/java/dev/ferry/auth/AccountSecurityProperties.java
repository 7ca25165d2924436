package dev.ferry.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second factors, password rules and session limits.
 *
 * @param require2fa who must use a second factor: {@code none}, {@code all} or a comma
 * separated list of roles ({@code admin,user}); an admin may override it through the API
 * @param mfaChallengeTtl how long the ticket between password and second factor lives
 * @param mfaMaxFailures wrong codes one ticket tolerates before it dies
 * @param passwordMinLength the shortest password accepted
 * @param passwordMinEntropy the least estimated strength (bits, by nbvcxz) accepted
 * @param passwordHistory how many earlier passwords may not be used again
 * @param passwordMaxAge the age at which a password must be changed; null: never
 * @param passwordResetTtl how long a password-reset link works
 * @param passwordLogin false makes single sign-on (or a passkey) the only way in
 * @param sessionIdleTimeout inactivity after which a browser session ends
 * @param sessionMaxAge the absolute lifetime of any session
 * @param webauthnRpId the WebAuthn relying party id (a host name) passkeys are bound to
 */
@ConfigurationProperties("ferry.account")
public record AccountSecurityProperties(@DefaultValue("none") String require2fa,
		@DefaultValue("5m") Duration mfaChallengeTtl, @DefaultValue("5") int mfaMaxFailures,
		@DefaultValue("12") int passwordMinLength, @DefaultValue("35") double passwordMinEntropy,
		@DefaultValue("5") int passwordHistory, Duration passwordMaxAge, @DefaultValue("30m") Duration passwordResetTtl,
		@DefaultValue("true") boolean passwordLogin, @DefaultValue("30m") Duration sessionIdleTimeout,
		@DefaultValue("30d") Duration sessionMaxAge, String webauthnRpId) {

}
