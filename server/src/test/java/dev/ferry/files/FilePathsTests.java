package dev.ferry.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilePathsTests {

	@Test
	void foldersAreNormalisedToAbsolutePaths() {
		assertThat(FilePaths.folder(null)).isEqualTo("/");
		assertThat(FilePaths.folder("")).isEqualTo("/");
		assertThat(FilePaths.folder("/")).isEqualTo("/");
		assertThat(FilePaths.folder("docs/2026/")).isEqualTo("/docs/2026");
		assertThat(FilePaths.folder("//docs///2026")).isEqualTo("/docs/2026");
	}

	@Test
	void traversalAndTricksAreRejectedWithAClearReason() {
		assertRejected(() -> FilePaths.folder("/docs/../etc"), "must not be '..'");
		assertRejected(() -> FilePaths.folder("/docs/./x"), "must not be '.'");
		assertRejected(() -> FilePaths.folder("C:\\Windows"), "'/' as separator");
		assertRejected(() -> FilePaths.folder("/a\u0000b"), "control character");
		assertRejected(() -> FilePaths.name(".."), "must not be '..'");
		assertRejected(() -> FilePaths.name("../etc/passwd"), "must not contain '/'");
		assertRejected(() -> FilePaths.name("a\\b"), "must not contain '\\'");
		assertRejected(() -> FilePaths.name(""), "empty");
		assertRejected(() -> FilePaths.name("   "), "blank");
		assertRejected(() -> FilePaths.name("line\nbreak.txt"), "control character");
		assertRejected(() -> FilePaths.name("invoice\u202Efdp.exe"), "text-direction");
		assertRejected(() -> FilePaths.name("invoice\u200B.pdf"), "invisible space");
		assertRejected(() -> FilePaths.folder("/\uFEFFreports"), "invisible space");
		assertRejected(() -> FilePaths.name("x".repeat(256)), "255 bytes");
		assertRejected(() -> FilePaths.name("\uD800.txt"), "not valid Unicode");
		assertRejected(() -> FilePaths.name("a.pdf "), "end with a space");
		assertRejected(() -> FilePaths.folder("/docs /x"), "end with a space");
	}

	@Test
	void namesUpTo255Utf8BytesAreKeptAndNormalisedToNfc() {
		assertThat(FilePaths.name("é".repeat(127))).hasSize(127);
		assertRejected(() -> FilePaths.name("é".repeat(128)), "255 bytes");
		assertThat(FilePaths.name("e\u0301t\u00e9.txt")).isEqualTo("\u00e9t\u00e9.txt");
		assertThat(FilePaths.name("a \"quoted\" name;.txt")).isEqualTo("a \"quoted\" name;.txt");
		assertThat(FilePaths.name("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.txt"))
			.as("Persian needs the zero-width non-joiner")
			.contains("\u200C");
		assertThat(FilePaths.name("\uD83D\uDC69\u200D\uD83D\uDCBB.png")).as("an emoji sequence, its joiner")
			.contains("\u200D");
	}

	@Test
	void pathsSplitIntoFolderAndName() {
		assertThat(FilePaths.split("/docs/a.pdf")).isEqualTo(new FileCatalog.Placement("/docs", "a.pdf"));
		assertThat(FilePaths.split("a.pdf")).isEqualTo(new FileCatalog.Placement("/", "a.pdf"));
		assertThat(FilePaths.split("/a.pdf")).isEqualTo(new FileCatalog.Placement("/", "a.pdf"));
		assertRejected(() -> FilePaths.split("/docs/"), "ends with '/'");
		assertRejected(() -> FilePaths.split("/../a.pdf"), "must not be '..'");
		assertThat(FilePaths.join("/", "a")).isEqualTo("/a");
		assertThat(FilePaths.join("/d", "a")).isEqualTo("/d/a");
	}

	@Test
	void takenNamesGetANumberBeforeTheExtension() {
		assertThat(NumberedNames.numbered("a.pdf", 0)).isEqualTo("a.pdf");
		assertThat(NumberedNames.numbered("a.pdf", 1)).isEqualTo("a (1).pdf");
		assertThat(NumberedNames.numbered(".bashrc", 2)).isEqualTo(".bashrc (2)");
		assertThat(NumberedNames.numbered("README", 3)).isEqualTo("README (3)");
		String longName = NumberedNames.numbered("x".repeat(251) + ".pdf", 12);
		assertThat(longName).endsWith(" (12).pdf");
		assertThat(FilePaths.name(longName)).isEqualTo(longName);
	}

	private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
		assertThatThrownBy(call).isInstanceOf(FileException.class)
			.satisfies((ex) -> assertThat(((FileException) ex).getBody().getDetail()).contains(detail))
			.satisfies((ex) -> assertThat(((FileException) ex).getStatusCode().value()).isEqualTo(400));
	}

}
