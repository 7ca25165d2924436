package dev.ferry.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;

import dev.ferry.FerryProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyTests {

	@TempDir
	Path dir;

	@Test
	void rotationAddsANewPrimaryAndKeepsOldValuesReadable() throws Exception {
		KeyEncryptionKey kek = new KeyEncryptionKey(properties(dir.resolve("kek.json")));
		int first = kek.primaryKeyId();
		byte[] old = kek.seal(bytes("old secret"), "ctx");
		assertThat(kek.keyIdOf(old)).isEqualTo(first);

		int second = kek.rotate();

		assertThat(second).isNotEqualTo(first).isEqualTo(kek.primaryKeyId());
		assertThat(kek.open(old, "ctx")).isEqualTo(bytes("old secret"));
		byte[] resealed = kek.reseal(old, "ctx");
		assertThat(kek.keyIdOf(resealed)).isEqualTo(second);
		assertThat(kek.open(resealed, "ctx")).isEqualTo(bytes("old secret"));
		assertThatThrownBy(() -> kek.open(resealed, "other")).isInstanceOf(CryptoException.class);
	}

	@Test
	void theRotatedKeysetIsPersistedOwnerOnlyAndReloads() throws Exception {
		Path file = dir.resolve("keys/kek.json");
		KeyEncryptionKey kek = new KeyEncryptionKey(properties(file));
		byte[] old = kek.seal(bytes("a"), "ctx");
		int rotated = kek.rotate();
		byte[] fresh = kek.seal(bytes("b"), "ctx");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var siblings = Files.list(file.getParent())) {
			assertThat(siblings).as("no temporary file left beside it, only the rotations' lock")
				.containsExactlyInAnyOrder(file, file.resolveSibling("kek.json.lock"));
		}
		KeyEncryptionKey reloaded = new KeyEncryptionKey(properties(file));
		assertThat(reloaded.primaryKeyId()).isEqualTo(rotated);
		assertThat(reloaded.open(old, "ctx")).isEqualTo(bytes("a"));
		assertThat(reloaded.open(fresh, "ctx")).isEqualTo(bytes("b"));
	}

	@Test
	void aNodeSharingTheKeysetFileOpensValuesSealedAfterAnotherNodeRotated() throws Exception {
		Path file = dir.resolve("kek.json");
		KeyEncryptionKey rotating = new KeyEncryptionKey(properties(file));
		KeyEncryptionKey other = new KeyEncryptionKey(properties(file));
		int rotated = rotating.rotate();
		byte[] sealed = rotating.seal(bytes("new"), "ctx");

		assertThat(other.open(sealed, "ctx")).isEqualTo(bytes("new"));
		assertThat(other.primaryKeyId()).isEqualTo(rotated);
		assertThatThrownBy(() -> other.open(sealed, "wrong")).isInstanceOf(CryptoException.class);
	}

	/**
	 * Nodes share the keyset file. One that did not rotate takes up the new primary key
	 * (here at its next seal), so it stops sealing under a key about to be retired.
	 */
	@Test
	void aNodeSharingTheKeysetSealsUnderThePrimaryKeyAnotherNodeRotatedTo() throws Exception {
		Path file = dir.resolve("kek.json");
		KeyEncryptionKey rotating = new KeyEncryptionKey(properties(file));
		KeyEncryptionKey other = new KeyEncryptionKey(properties(file), Duration.ZERO);

		int rotated = rotating.rotate();

		assertThat(other.keyIdOf(other.seal(bytes("after"), "ctx"))).isEqualTo(rotated);
	}

	/**
	 * A node rotating builds on the file, not on the keyset it loaded: rotations on two
	 * nodes keep both new keys, and what each sealed still opens after a restart.
	 */
	@Test
	void rotationsOnTwoNodesKeepEachOthersKeys() throws Exception {
		Path file = dir.resolve("kek.json");
		KeyEncryptionKey first = new KeyEncryptionKey(properties(file));
		KeyEncryptionKey second = new KeyEncryptionKey(properties(file));
		first.rotate();
		byte[] sealedByFirst = first.seal(bytes("first"), "ctx");

		int rotatedBySecond = second.rotate();
		byte[] sealedBySecond = second.seal(bytes("second"), "ctx");

		KeyEncryptionKey restarted = new KeyEncryptionKey(properties(file));
		assertThat(restarted.primaryKeyId()).isEqualTo(rotatedBySecond);
		assertThat(restarted.open(sealedByFirst, "ctx")).isEqualTo(bytes("first"));
		assertThat(restarted.open(sealedBySecond, "ctx")).isEqualTo(bytes("second"));
	}

	@Test
	void keyIdOfRejectsWhatTheKekDidNotSeal() throws GeneralSecurityException {
		KeyEncryptionKey kek = new KeyEncryptionKey(properties(dir.resolve("kek.json")));
		assertThatThrownBy(() -> kek.keyIdOf(new byte[] { 0, 1, 2, 3, 4, 5 })).isInstanceOf(CryptoException.class);
		assertThatThrownBy(() -> kek.keyIdOf(new byte[2])).isInstanceOf(CryptoException.class);
	}

	private static FerryProperties properties(Path keyset) {
		return new FerryProperties(keyset.getParent(), keyset.toString(), null,
				new FerryProperties.Db(null, null, null), new FerryProperties.Admin(null, null),
				FerryProperties.Registration.INVITE,
				new FerryProperties.Tokens(Duration.ofMinutes(15), Duration.ofDays(30)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
