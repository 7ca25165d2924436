package dev.ferry.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ferry.cli.AgeTool.bytes;
import static dev.ferry.cli.AgeTool.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CLI's age code against Debian's age, both ways (the age-encryption.org/v1 format).
 */
class AgeTests {

	@TempDir
	Path dir;

	@Test
	void readsAnIdentityThatAgeKeygenWrote() throws Exception {
		Path key = dir.resolve("key.txt");
		run("age-keygen", "-o", key.toString());
		String text = Files.readString(key);
		String publicKey = text.replaceAll("(?s).*# public key: (age1\\S+).*", "$1");

		AgeIdentity identity = (AgeIdentity) E2eFiles.key("https://x/s/t", key, new PassphraseOptions());

		assertThat(identity.recipient()).isEqualTo(publicKey);
		assertThat(text).contains(identity.secret());
	}

	@Test
	void aManifestNameCannotLeaveTheOutputFolder() {
		assertThat(E2eFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(E2eFiles.safeName("/tmp/x.txt")).isEqualTo("x.txt");
		assertThat(E2eFiles.safeName("..")).isNull();
		assertThat(E2eFiles.safeName("")).isNull();
		assertThat(E2eFiles.safeName("bad\0name")).isNull();
		assertThat(E2eFiles.safeName("report.pdf")).isEqualTo("report.pdf");
	}

	@Test
	void decryptsWhatAgeEncryptedForOurRecipient() throws Exception {
		AgeIdentity identity = AgeIdentity.generate();
		for (int size : new int[] { 0, 1, 64 * 1024, 64 * 1024 + 1, 3 * 64 * 1024, 200_000 }) {
			byte[] plain = bytes(size);
			Path in = Files.write(dir.resolve("plain-" + size), plain);
			Path sealed = dir.resolve("sealed-" + size + ".age");
			run("age", "-r", identity.recipient(), "-o", sealed.toString(), in.toString());

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			AgeDecrypt.decrypt(Files.newInputStream(sealed), identity, out);

			assertThat(out.toByteArray()).as("size %d", size).isEqualTo(plain);
		}
	}

	@Test
	void ageDecryptsWhatWeEncrypted() throws Exception {
		AgeIdentity identity = AgeIdentity.generate();
		Path key = Files.writeString(dir.resolve("key.txt"), identity.secret() + "\n");
		for (int size : new int[] { 0, 5, 64 * 1024, 2 * 64 * 1024 + 7 }) {
			byte[] plain = bytes(size);
			Path sealed = dir.resolve("ours-" + size + ".age");
			try (OutputStream out = new AgeEncrypt(Files.newOutputStream(sealed), List.of(identity.recipient()))) {
				out.write(plain);
			}
			Path opened = dir.resolve("opened-" + size);
			// to standard output: age creates no -o file for an empty plaintext
			Process age = new ProcessBuilder("age", "-d", "-i", key.toString(), sealed.toString())
				.redirectOutput(opened.toFile())
				.start();
			assertThat(age.waitFor()).as(new String(age.getErrorStream().readAllBytes())).isZero();

			assertThat(Files.readAllBytes(opened)).as("size %d", size).isEqualTo(plain);
		}
	}

	@Test
	void aWrongKeyOrADamagedFileFailsWithASentence() throws Exception {
		AgeIdentity right = AgeIdentity.generate();
		ByteArrayOutputStream sealed = new ByteArrayOutputStream();
		try (OutputStream out = new AgeEncrypt(sealed, List.of(right.recipient()))) {
			out.write(bytes(100_000));
		}
		byte[] file = sealed.toByteArray();

		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(file), AgeIdentity.generate(),
				new ByteArrayOutputStream()))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("does not open");
		file[file.length - 10] ^= 1;
		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(file), right, new ByteArrayOutputStream()))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("chunk 1 does not authenticate");
		byte[] truncated = java.util.Arrays.copyOf(sealed.toByteArray(), file.length - 40_000);
		assertThatThrownBy(
				() -> AgeDecrypt.decrypt(new ByteArrayInputStream(truncated), right, new ByteArrayOutputStream()))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("does not authenticate");
	}

}
