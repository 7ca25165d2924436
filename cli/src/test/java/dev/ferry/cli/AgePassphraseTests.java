package dev.ferry.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.ferry.cli.AgeTool.bytes;
import static dev.ferry.cli.AgeTool.runWithPassphrase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * age's passphrase (scrypt) recipient in the CLI: scrypt against RFC 7914's vectors, and
 * files both ways with Debian's {@code age -p} / {@code age -d}.
 */
class AgePassphraseTests {

	private static final String PASSPHRASE = "harbour lights at dawn";

	@TempDir
	Path dir;

	@Test
	void debianAgeOpensWhatWeSealedWithAPassphrase() throws Exception {
		for (int size : new int[] { 64 * 1024 + 3 }) {
			byte[] plain = bytes(size);
			Path sealed = dir.resolve("ours-" + size + ".age");
			try (OutputStream out = new AgeEncrypt(Files.newOutputStream(sealed), new AgePassphrase(PASSPHRASE))) {
				out.write(plain);
			}
			assertThat(Files.readString(sealed, StandardCharsets.ISO_8859_1)).contains("\n-> scrypt ");
			Path opened = dir.resolve("opened-" + size);

			runWithPassphrase(PASSPHRASE, "age", "-d", "-o", opened.toString(), sealed.toString());

			assertThat(Files.readAllBytes(opened)).as("size %d", size).isEqualTo(plain);
		}
	}

	@Test
	void weOpenWhatDebianAgeSealedWithAPassphrase() throws Exception {
		byte[] plain = bytes(150_000);
		Path in = Files.write(dir.resolve("plain"), plain);
		Path sealed = dir.resolve("theirs.age");
		// age -p asks twice: the passphrase and its confirmation
		runWithPassphrase(PASSPHRASE + "\n" + PASSPHRASE, "age", "-p", "-o", sealed.toString(), in.toString());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AgeDecrypt.decrypt(Files.newInputStream(sealed), new AgePassphrase(PASSPHRASE), out);

		assertThat(out.toByteArray()).isEqualTo(plain);
	}

	@Test
	void aWrongPassphraseOrAnIdentityFailsWithASentence() throws Exception {
		ByteArrayOutputStream sealed = new ByteArrayOutputStream();
		try (OutputStream out = new AgeEncrypt(sealed, new AgePassphrase(PASSPHRASE))) {
			out.write(bytes(10));
		}
		byte[] file = sealed.toByteArray();

		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(file), new AgePassphrase("not it"),
				new ByteArrayOutputStream()))
			.isInstanceOfSatisfying(CliException.class, (ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.AUTH))
			.hasMessage("This passphrase does not open the files.");
		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(file), AgeIdentity.generate(),
				new ByteArrayOutputStream()))
			.isInstanceOfSatisfying(CliException.class, (ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.AUTH))
			.hasMessageContaining("--passphrase");
	}

	@Test
	void aPassphraseDoesNotOpenRecipientFilesAndHostileHeadersAreRefused() throws Exception {
		ByteArrayOutputStream forRecipient = new ByteArrayOutputStream();
		try (OutputStream out = new AgeEncrypt(forRecipient, List.of(AgeIdentity.generate().recipient()))) {
			out.write(bytes(10));
		}
		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(forRecipient.toByteArray()),
				new AgePassphrase(PASSPHRASE), new ByteArrayOutputStream()))
			.hasMessageContaining("not encrypted with a passphrase");

		String body = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		String costly = "age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 30\n" + body + "\n--- AAAA\n";
		assertThatThrownBy(
				() -> AgeDecrypt.decrypt(new ByteArrayInputStream(costly.getBytes(StandardCharsets.US_ASCII)),
						new AgePassphrase(PASSPHRASE), new ByteArrayOutputStream()))
			.isInstanceOfSatisfying(CliException.class, (ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VERIFY))
			.hasMessageContaining("work factor of 30");

		String mixed = "age-encryption.org/v1\n-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n" + body
				+ "\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 10\n" + body + "\n--- AAAA\n";
		assertThatThrownBy(() -> AgeDecrypt.decrypt(new ByteArrayInputStream(mixed.getBytes(StandardCharsets.US_ASCII)),
				AgeIdentity.generate(), new ByteArrayOutputStream()))
			.isInstanceOfSatisfying(CliException.class, (ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VERIFY))
			.hasMessageContaining("not the only one");
	}

}
