package dev.ferry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A finished archive reads back; one released after a failure mid-entry gets no end
 * record, so it cannot pass for complete; released, the compressor takes nothing more.
 */
class ZipArchiveStreamTests {

	private static final String END_OF_CENTRAL_DIRECTORY = "PK\u0005\u0006";

	@Test
	void aFinishedArchiveReadsBackAndAReleasedOneTakesNoMore() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ZipArchiveStream zip = new ZipArchiveStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("a.txt"));
		zip.write("hello".getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.finish();
		zip.release();

		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(in.getNextEntry().getName()).isEqualTo("a.txt");
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
		assertThatThrownBy(() -> zip.write(new byte[] { 1 })).isNotNull();
	}

	@Test
	void anArchiveReleasedMidEntryHasNoEnd() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ZipArchiveStream zip = new ZipArchiveStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("cut.txt"));
		zip.write("cut off here".getBytes(StandardCharsets.UTF_8));
		zip.release();

		assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(END_OF_CENTRAL_DIRECTORY);
	}

}
