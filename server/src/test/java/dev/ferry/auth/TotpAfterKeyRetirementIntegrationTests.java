package dev.ferry.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation has to leave nothing behind under the old key: after a rotation the old
 * key is deleted from the keyset file and the server restarted, and a user with an
 * authenticator app still signs in with password and TOTP code. It runs beside the other
 * classes (junit-platform.properties): its servers are its own, and while they start the
 * test JVM waits.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.TotpAfterKeyRetirement}, beside the other
 * classes that wait.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class TotpAfterKeyRetirementIntegrationTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path logs;

	@Test
	void totpSignInWorksAfterTheRotatedOutKeyIsRemovedAndTheServerRestarted() throws Exception {
		String secret;
		try (FerryProcess server = FerryProcess.fromTestClasspath()
			.dataDir(dataDir)
			.log(logs.resolve("first-run.log"))
			.start()) {
			Api api = new Api(server.base());
			String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
			secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
			Api.Response verified = api.post("/api/v1/auth/2fa/verify",
					Map.of("code", TotpCodes.at(secret, Instant.now())), token);
			assertThat(verified.status()).as(verified.body()).isEqualTo(200);

			Api.Response rotated = api.post("/api/v1/admin/keys/rotate", "", token);

			assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
			assertThat(rotated.json().get("rewrapped").asLong()).isPositive();
		}
		retireAllButThePrimaryKey(dataDir.resolve("keys/kek.json"));

		try (FerryProcess server = FerryProcess.fromTestClasspath()
			.dataDir(dataDir)
			.log(logs.resolve("second-run.log"))
			.start()) {
			Api api = new Api(server.base());
			Api.Response password = api.post("/api/v1/auth/login",
					Map.of("email", FerryProcess.ADMIN_EMAIL, "password", FerryProcess.ADMIN_PASSWORD), null);
			assertThat(password.status()).as(password.body()).isEqualTo(200);
			JsonNode challenge = password.json();
			assertThat(challenge.get("mfa_required").asBoolean()).isTrue();

			// The next time step's code: the current one may have been used to confirm.
			Api.Response signedIn = api.post("/api/v1/auth/login/mfa",
					Map.of("mfa_token", challenge.get("mfa_token").asString(), "code",
							TotpCodes.at(secret, Instant.now().plus(Duration.ofSeconds(30)))),
					null);

			assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
			assertThat(api.get("/api/v1/me", signedIn.json().get("access_token").asString()).status()).isEqualTo(200);
		}
	}

	/** What an operator does once rotation is done: deletes every older key. */
	private static void retireAllButThePrimaryKey(Path keysetFile) throws Exception {
		KeysetHandle.Builder keys = KeysetHandle.newBuilder(
				TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get()));
		assertThat(keys.size()).as("keys after one rotation").isEqualTo(2);
		for (int i = keys.size() - 1; i >= 0; i--) {
			if (!keys.getAt(i).isPrimary()) {
				keys.deleteAt(i);
			}
		}
		Files.writeString(keysetFile,
				TinkJsonProtoKeysetFormat.serializeKeyset(keys.build(), InsecureSecretKeyAccess.get()));
	}

}
