package dev.ferry.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account and sign-in settings. Failed password and code checks are counted per (client
 * address, account) ({@code loginAttempts}), per client address
 * ({@code loginAttemptsPerIp}), per account whatever the address
 * ({@code loginAttemptsPerAccount}, then {@code lockoutAttemptsPerDay}) and across the
 * server ({@code loginAttemptsGlobal}), each refilled evenly over {@code loginWindow}
 * (the daily one over a day); only failures count. Per client address and hour,
 * {@code registrationsPerIp} open registrations and {@code resetRequestsPerIp} reset
 * requests are accepted, and {@code resetRequestsPerAccount} reset mails per account;
 * {@code passkeyOptionsPerIp} anonymous passkey challenges per address and minute.
 */
@ConfigurationProperties("ferry.auth")
public record AuthProperties(@DefaultValue("10") int loginAttempts, @DefaultValue("100") int loginAttemptsPerIp,
		@DefaultValue("15m") Duration loginWindow, @DefaultValue("7d") Duration invitationTtl,
		@DefaultValue("20") int loginAttemptsPerAccount, @DefaultValue("100") int lockoutAttemptsPerDay,
		@DefaultValue("10000") int loginAttemptsGlobal, @DefaultValue("10") int registrationsPerIp,
		@DefaultValue("3") int resetRequestsPerAccount, @DefaultValue("10") int resetRequestsPerIp,
		@DefaultValue("30") int passkeyOptionsPerIp) {
}
