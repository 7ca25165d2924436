package dev.ferry.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteRangeTests {

	@Test
	void singleRangesOfAllThreeForms() {
		assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange(0, 100, true));
		assertThat(ByteRange.parse("bytes=100-", 1000)).isEqualTo(new ByteRange(100, 1000, true));
		assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new ByteRange(900, 1000, true));
		assertThat(ByteRange.parse("bytes=0-0", 1000)).isEqualTo(new ByteRange(0, 1, true));
		assertThat(ByteRange.parse("bytes=999-999", 1000)).isEqualTo(new ByteRange(999, 1000, true));
		assertThat(ByteRange.parse("BYTES= 5-9 ", 1000)).isEqualTo(new ByteRange(5, 10, true));
	}

	@Test
	void rangesReachingBeyondTheEndAreCut() {
		assertThat(ByteRange.parse("bytes=900-5000", 1000)).isEqualTo(new ByteRange(900, 1000, true));
		assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 1000, true));
		assertThat(ByteRange.parse("bytes=0-99999999999999999999", 10)).isEqualTo(new ByteRange(0, 10, true));
	}

	@Test
	void rangesOutsideTheFileAreNotSatisfiable() {
		assertUnsatisfiable("bytes=1000-", 1000);
		assertUnsatisfiable("bytes=1000-2000", 1000);
		assertUnsatisfiable("bytes=-0", 1000);
		assertUnsatisfiable("bytes=0-", 0);
		assertUnsatisfiable("bytes=-5", 0);
	}

	@Test
	void whatWeDoNotHonourServesTheWholeFile() {
		assertThat(ByteRange.parse(null, 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=0-1,5-6", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("items=0-1", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=5-1", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=a-b", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=+1-2", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=-", 10)).isEqualTo(ByteRange.full(10));
		assertThat(ByteRange.parse("bytes=1", 10)).isEqualTo(ByteRange.full(10));
	}

	@Test
	void describesItselfForHeadersAndAudit() {
		ByteRange range = ByteRange.parse("bytes=10-19", 100);
		assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
		assertThat(range.describe()).isEqualTo("bytes=10-19");
		assertThat(ByteRange.full(100).describe()).isEqualTo("full");
	}

	private static void assertUnsatisfiable(String header, long length) {
		assertThatThrownBy(() -> ByteRange.parse(header, length)).isInstanceOf(FileException.class)
			.satisfies((ex) -> assertThat(((FileException) ex).getStatusCode().value()).isEqualTo(416))
			.satisfies((ex) -> assertThat(((FileException) ex).getHeaders().getFirst("Content-Range"))
				.isEqualTo("bytes */" + length));
	}

}
