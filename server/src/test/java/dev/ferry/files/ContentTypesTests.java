package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentTypesTests {

	private final InMemoryBlobStorage storage = new InMemoryBlobStorage();

	private final ContentTypes types = new ContentTypes(storage);

	@Test
	void contentWinsOverNameAndDeclaredType() throws IOException {
		byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(detect(pdf, "notes.txt", "text/plain")).isEqualTo("application/pdf");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(detect(png, "x.exe", "application/x-msdownload")).isEqualTo("image/png");
		assertThat(detect("<html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII), "a.txt", null))
			.isEqualTo("text/html");
	}

	@Test
	void declaredTypeThenExtensionOnlyWhenContentSaysNothing() throws IOException {
		byte[] noise = { 0, 1, 2, 3, (byte) 0xfe, (byte) 0xff, 7, 9 };
		assertThat(detect(noise, "data.bin", "Application/X-Custom; charset=x")).isEqualTo("application/x-custom");
		assertThat(detect(noise, "data.pdf", null)).isEqualTo("application/pdf");
		assertThat(detect(noise, "data", "application/octet-stream")).isEqualTo("application/octet-stream");
		assertThat(detect(new byte[0], "empty.png", null)).isEqualTo("image/png");
	}

	@Test
	void aStoreFailingWhileTheFirstBytesAreReadIsUnavailableStorage() throws IOException {
		UUID blob = storage.create();
		ContentTypes failing = new ContentTypes(new InMemoryBlobStorage() {
			@Override
			public InputStream openRange(UUID blobId, long start, long endExclusive) {
				return new InputStream() {
					@Override
					public int read() throws IOException {
						throw new IOException("Input/output error");
					}
				};
			}
		});

		assertThatThrownBy(() -> failing.detect(blob, 10, "a.txt", null)).isInstanceOfSatisfying(StorageException.class,
				(refused) -> assertThat(refused.getStatusCode().value()).isEqualTo(503));
		assertThatThrownBy(() -> failing.head(blob, 10)).isInstanceOf(StorageException.class);
	}

	private String detect(byte[] content, String name, String declared) throws IOException {
		UUID blob = storage.create();
		try (PendingPart part = storage.beginPart(blob, 0)) {
			OutputStream out = part.stream();
			out.write(content);
			part.commit();
		}
		return types.detect(blob, content.length, name, declared);
	}

}
