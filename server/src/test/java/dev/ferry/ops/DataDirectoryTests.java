package dev.ferry.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import dev.ferry.FerryProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryTests {

	@TempDir
	Path temp;

	@Test
	void createsMissingDirectoriesOwnerOnly(CapturedOutput output) throws IOException {
		Path dir = temp.resolve("a/b/ferry-data");
		DataDirectory dataDirectory = new DataDirectory(properties(dir));
		assertThat(dataDirectory.path()).isEqualTo(dir.toAbsolutePath());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("a"))))
			.isEqualTo("rwx------");
		assertThat(output).doesNotContain("accessible to other users");
	}

	@Test
	void warnsWhenOthersCanReadAnExistingDirectoryButLeavesItAlone(CapturedOutput output) throws IOException {
		Path dir = Files.createDirectory(temp.resolve("shared"));
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		new DataDirectory(properties(dir));
		assertThat(output).contains("accessible to other users").contains("chmod 700");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
	}

	@Test
	void aDurableWriteReplacesTheFileWholeOwnerOnly() throws IOException {
		Path target = temp.resolve("archives/archive.ndjson");
		DataDirectory.writeDurably(target, (out) -> out.write("first\n".getBytes(StandardCharsets.UTF_8)));
		DataDirectory.writeDurably(target, (out) -> out.write("second\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(target).hasContent("second");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertThat(files).containsExactly(target);
		}
	}

	/** A writer that fails halfway leaves the file as it was and no temp file. */
	@Test
	void aFailedDurableWriteLeavesTheOldFileAndNothingElse() throws IOException {
		Path target = temp.resolve("keyset.json");
		DataDirectory.writeDurably(target, (out) -> out.write("old".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> DataDirectory.writeDurably(target, (out) -> {
			out.write("half of the new".getBytes(StandardCharsets.UTF_8));
			throw new IOException("disk full");
		})).hasMessage("disk full");

		assertThat(target).hasContent("old");
		try (Stream<Path> files = Files.list(temp)) {
			assertThat(files).containsExactly(target);
		}
	}

	private static FerryProperties properties(Path dataDir) {
		return new FerryProperties(dataDir, null, null, new FerryProperties.Db(null, null, null),
				new FerryProperties.Admin(null, null), FerryProperties.Registration.INVITE,
				new FerryProperties.Tokens(java.time.Duration.ofMinutes(15), java.time.Duration.ofDays(30)));
	}

}
