package dev.ferry.upload;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadChecksumTests {

	private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

	@Test
	void absentHeaderMeansNoChecksum() {
		assertThat(UploadChecksum.parse(null)).isNull();
	}

	@Test
	void verifiesEachAdvertisedAlgorithm() {
		assertThat(UploadChecksum.advertised()).isEqualTo("sha1,sha256,md5");
		assertMatches("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=");
		assertMatches("sha256 LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
		assertMatches("md5 XUFAKrxLKna5cZ2REBfFkg==");
		assertMatches("SHA256 LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
	}

	@Test
	void wrongDigestDoesNotMatch() {
		UploadChecksum checksum = UploadChecksum.parse("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=");
		assertThat(checksum.matches(checksum.newDigest().digest("hellO".getBytes(StandardCharsets.US_ASCII))))
			.isFalse();
	}

	@Test
	void unsupportedOrMalformedHeadersAre400() {
		for (String header : new String[] { "crc32 AAAA", "sha1", "sha1 not/base64!", "sha1 a b" }) {
			assertThatExceptionOfType(UploadException.class).as(header)
				.isThrownBy(() -> UploadChecksum.parse(header))
				.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
		}
	}

	private static void assertMatches(String header) {
		UploadChecksum checksum = UploadChecksum.parse(header);
		assertThat(checksum.matches(checksum.newDigest().digest(HELLO))).as(header).isTrue();
	}

}
