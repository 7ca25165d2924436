package dev.ferry.auth.passkey;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys with webauthn4j: registration and assertion ceremonies whose challenges live
 * in the database (single use, five minutes), so any node can finish what another began.
 * Options and credentials travel in the WebAuthn JSON forms browsers make and read
 * ({@code PublicKeyCredential.parseCreationOptionsFromJSON},
 * {@code credential.toJSON()}). A password-less sign-in needs user verification (PIN,
 * biometrics), which makes a passkey two factors in one.
 */
@Service
class PasskeyService {

	static final String REGISTER = "register";

	static final String LOGIN = "login";

	static final String SECOND_FACTOR = "mfa";

	private static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);

	private static final long ES256 = -7;

	private static final long RS256 = -257;

	private final PasskeyRepository passkeys;

	private final UserRepository users;

	private final AccountSecurityProperties properties;

	private final FerryProperties ferry;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();

	private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(
			new ObjectConverter());

	PasskeyService(PasskeyRepository passkeys, UserRepository users, AccountSecurityProperties properties,
			FerryProperties ferry, AccessPolicy access, AuditLog audit, Clock clock) {
		this.passkeys = passkeys;
		this.users = users;
		this.properties = properties;
		this.ferry = ferry;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	Map<String, Object> registrationOptions(CurrentUser caller) {
		access.requireFullSession(caller, "auth.passkey_register", "manage passkeys");
		String challenge = newChallenge(REGISTER, caller.userId());
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", challenge);
		options.put("rp", Map.of("id", rpId(), "name", "Ferry"));
		options.put("user", Map.of("id", encode(userHandle(caller.userId())), "name", caller.email(), "displayName",
				caller.email()));
		options.put("pubKeyCredParams",
				List.of(Map.of("type", "public-key", "alg", ES256), Map.of("type", "public-key", "alg", RS256)));
		options.put("timeout", CHALLENGE_TTL.toMillis());
		options.put("excludeCredentials", descriptors(caller.userId()));
		options.put("authenticatorSelection", Map.of("residentKey", "required", "userVerification", "preferred"));
		options.put("attestation", "none");
		return options;
	}

	@Transactional(noRollbackFor = AuthException.class)
	PasskeyView register(CurrentUser caller, String credentialJson, String name) {
		access.requireFullSession(caller, "auth.passkey_register", "manage passkeys");
		RegistrationData data;
		try {
			data = webAuthn.parseRegistrationResponseJSON(credentialJson);
			String challenge = encode(data.getCollectedClientData().getChallenge().getValue());
			Optional<UUID> owner = passkeys.takeChallenge(challenge, REGISTER, clock.instant())
				.orElseThrow(() -> invalid("auth.passkey_register", "unknown_challenge"));
			if (!owner.filter(caller.userId()::equals).isPresent()) {
				throw invalid("auth.passkey_register", "foreign_challenge");
			}
			webAuthn.verify(data, new RegistrationParameters(
					server(challenge, data.getCollectedClientData().getOrigin()), null, false, true));
		}
		catch (AuthException ex) {
			throw ex;
		}
		catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException ex) {
			// webauthn4j answers some malformed input with NullPointerException.
			throw invalid("auth.passkey_register", "verification_failed");
		}
		AttestedCredentialData attested = data.getAttestationObject()
			.getAuthenticatorData()
			.getAttestedCredentialData();
		String credentialId = encode(attested.getCredentialId());
		if (passkeys.findByCredentialId(credentialId).isPresent()) {
			// One credential signs in one account, whoever registered it first.
			throw invalid("auth.passkey_register", "credential_registered");
		}
		Instant now = clock.instant();
		PasskeyRepository.Passkey passkey = new PasskeyRepository.Passkey(UUID.randomUUID(), caller.userId(),
				credentialId, credentials.convert(attested),
				data.getAttestationObject().getAuthenticatorData().getSignCount(), name.trim(), now, null);
		passkeys.insert(passkey);
		audit.record(AuditEvent.success("auth.passkey_register").object("passkey", passkey.id()));
		return PasskeyView.of(passkey);
	}

	/**
	 * Options for an assertion: any of the user's passkeys when {@code userId} is given
	 * (second factor), else whichever discoverable passkey the person picks.
	 */
	@Transactional
	Map<String, Object> loginOptions(UUID userId) {
		String challenge = newChallenge((userId != null) ? SECOND_FACTOR : LOGIN, userId);
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", challenge);
		options.put("rpId", rpId());
		options.put("timeout", CHALLENGE_TTL.toMillis());
		options.put("userVerification", (userId != null) ? "preferred" : "required");
		options.put("allowCredentials", (userId != null) ? descriptors(userId) : List.of());
		return options;
	}

	/**
	 * Verifies an assertion for {@code purpose} and answers the account it proves; a
	 * second-factor assertion must come from a passkey of the user its options were for.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	User verifyAssertion(String credentialJson, String purpose) {
		try {
			AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(credentialJson);
			String challenge = encode(data.getCollectedClientData().getChallenge().getValue());
			Optional<UUID> expectedUser = passkeys.takeChallenge(challenge, purpose, clock.instant())
				.orElseThrow(() -> invalid("auth.passkey_login", "unknown_challenge"));
			PasskeyRepository.Passkey passkey = passkeys.findByCredentialId(encode(data.getCredentialId()))
				.filter((found) -> expectedUser.map(found.userId()::equals).orElse(true))
				.orElseThrow(() -> invalid("auth.passkey_login", "unknown_passkey"));
			if (data.getUserHandle() != null && !Arrays.equals(data.getUserHandle(), userHandle(passkey.userId()))) {
				throw invalid("auth.passkey_login", "user_handle_mismatch");
			}
			AttestedCredentialData attested = credentials.convert(passkey.attestedCredential());
			CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
					passkey.signCount(), attested, null, null, null, null);
			webAuthn.verify(data,
					new AuthenticationParameters(server(challenge, data.getCollectedClientData().getOrigin()), record,
							null, LOGIN.equals(purpose), true));
			passkeys.used(passkey.id(), data.getAuthenticatorData().getSignCount(), clock.instant());
			return users.findById(passkey.userId()).orElseThrow(() -> invalid("auth.passkey_login", "unknown_user"));
		}
		catch (AuthException ex) {
			throw ex;
		}
		catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException ex) {
			throw invalid("auth.passkey_login", "verification_failed");
		}
	}

	int count(UUID userId) {
		return passkeys.count(userId);
	}

	int deleteAll(UUID userId) {
		return passkeys.deleteAll(userId);
	}

	private String newChallenge(String purpose, UUID userId) {
		String challenge = SecureTokens.generate("");
		Instant now = clock.instant();
		passkeys.addChallenge(challenge, purpose, userId, now, now.plus(CHALLENGE_TTL));
		return challenge;
	}

	private List<Map<String, String>> descriptors(UUID userId) {
		return passkeys.listForUser(userId)
			.stream()
			.map((passkey) -> Map.of("type", "public-key", "id", passkey.credentialId()))
			.toList();
	}

	/**
	 * The relying party: {@code FERRY_WEBAUTHN_RP_ID} (default: the host of
	 * {@code FERRY_PUBLIC_URL}, else {@code localhost}). The origin must be the public
	 * URL when one is set, else any origin on the relying party's host (any port).
	 */
	private ServerProperty server(String challenge, Origin presented) {
		return new ServerProperty(origins(presented), rpId(),
				new DefaultChallenge(Base64.getUrlDecoder().decode(challenge)));
	}

	private Set<Origin> origins(Origin presented) {
		String publicUrl = ferry.publicUrl();
		if (publicUrl != null && !publicUrl.isBlank()) {
			URI uri = URI.create(publicUrl);
			return Set.of(new Origin(uri.getScheme() + "://" + uri.getAuthority()));
		}
		boolean sameHost = presented != null && rpId().equals(presented.getHost());
		return sameHost ? Set.of(presented) : Set.of();
	}

	String rpId() {
		if (properties.webauthnRpId() != null && !properties.webauthnRpId().isBlank()) {
			return properties.webauthnRpId();
		}
		String publicUrl = ferry.publicUrl();
		return (publicUrl != null && !publicUrl.isBlank()) ? URI.create(publicUrl).getHost() : "localhost";
	}

	private AuthException invalid(String action, String reason) {
		audit.record(AuditEvent.failure(action).detail("reason", reason));
		return AuthException.invalidPasskey();
	}

	private static byte[] userHandle(UUID userId) {
		return ByteBuffer.allocate(16)
			.putLong(userId.getMostSignificantBits())
			.putLong(userId.getLeastSignificantBits())
			.array();
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A passkey as its owner sees it. */
	record PasskeyView(String id, String name, Instant createdAt, Instant lastUsedAt) {

		static PasskeyView of(PasskeyRepository.Passkey passkey) {
			return new PasskeyView(passkey.id().toString(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt());
		}

	}

}
