package dev.ferry.share.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZipStreamerTests {

	@Test
	void entryNamesCannotEscapeTheArchive() {
		assertThat(ZipStreamer.safeName("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
		assertThat(ZipStreamer.safeName("..")).isEqualTo("file");
		assertThat(ZipStreamer.safeName("C:\\Windows\\x.dll")).isEqualTo("C:_Windows_x.dll");
		assertThat(ZipStreamer.safeName("/abs/path.txt")).isEqualTo("_abs_path.txt");
		assertThat(ZipStreamer.safeName("line\nbreak\u0000.txt")).isEqualTo("linebreak.txt");
		assertThat(ZipStreamer.safeName("   ")).isEqualTo("file");
	}

	@Test
	void namesWindowsCannotExtractAreMadePortable() {
		assertThat(ZipStreamer.entryNames(List.of(item("CON.txt"), item("a:b.txt"), item("what?.pdf"), item("nul"),
				item("name. "), item("com1.log"), item("console.txt"), item("a_b.txt"))))
			.containsExactly("_CON.txt", "a_b.txt", "what_.pdf", "_nul", "name", "_com1.log", "console.txt",
					"a_b (1).txt");
	}

	@Test
	void duplicateNamesAreNumberedIgnoringCase() {
		List<String> names = ZipStreamer
			.entryNames(List.of(item("a.txt"), item("A.txt"), item("a.txt"), item("b"), item("b"), item("a (1).txt")));

		assertThat(names).containsExactly("a.txt", "A (1).txt", "a (2).txt", "b", "b (1)", "a (1) (1).txt");
	}

	@Test
	void alreadyCompressedTypesAreNotDeflatedAgain() {
		assertThat(ZipStreamer.isCompressed("image/jpeg")).isTrue();
		assertThat(ZipStreamer.isCompressed("video/mp4")).isTrue();
		assertThat(ZipStreamer.isCompressed("application/zip")).isTrue();
		assertThat(ZipStreamer.isCompressed("image/svg+xml")).isFalse();
		assertThat(ZipStreamer.isCompressed("text/plain; charset=UTF-8")).isFalse();
		assertThat(ZipStreamer.isCompressed(null)).isFalse();
	}

	@Test
	void writesEveryItemReadableByTheJdk() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] text = "hello hello hello hello".repeat(100).getBytes(StandardCharsets.UTF_8);
		byte[] photo = new byte[10_000];
		new java.util.Random(1).nextBytes(photo);

		ZipStreamer.write(
				List.of(new ZipStreamer.Item("t.txt", "text/plain", text),
						new ZipStreamer.Item("p.jpg", "image/jpeg", photo)),
				Instant.parse("2030-01-01T00:00:00Z"), out, (item) -> new ByteArrayInputStream((byte[]) item.key()));

		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			ZipEntry first = zip.getNextEntry();
			assertThat(first.getName()).isEqualTo("t.txt");
			assertThat(zip.readAllBytes()).isEqualTo(text);
			ZipEntry second = zip.getNextEntry();
			assertThat(second.getName()).isEqualTo("p.jpg");
			assertThat(zip.readAllBytes()).isEqualTo(photo);
			assertThat(zip.getNextEntry()).isNull();
		}
		assertThat(out.size()).isLessThan(text.length + photo.length);
	}

	private static ZipStreamer.Item item(String name) {
		return new ZipStreamer.Item(name, "text/plain", name);
	}

}
