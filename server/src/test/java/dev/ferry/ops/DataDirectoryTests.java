package dev.ferry.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.ferry.FerryProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static FerryProperties properties(Path dataDir) {
		return new FerryProperties(dataDir, null, null, new FerryProperties.Db(null, null, null),
				new FerryProperties.Admin(null, null), FerryProperties.Registration.INVITE,
				new FerryProperties.Tokens(java.time.Duration.ofMinutes(15), java.time.Duration.ofDays(30)));
	}

}
