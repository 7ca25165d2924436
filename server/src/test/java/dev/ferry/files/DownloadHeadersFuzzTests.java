package dev.ferry.files;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.FuzzBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets for what a downloading client controls: the Range header and the
 * listing cursor. See {@code bin/fuzz}.
 */
class DownloadHeadersFuzzTests {

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aRangeStaysInsideTheFileOrIs416(FuzzedDataProvider data) {
		long length = data.consumeLong(0, Long.MAX_VALUE / 2);
		String header = data.consumeRemainingAsString();
		try {
			ByteRange range = ByteRange.parse(header, length);
			assertThat(range.start()).isBetween(0L, length);
			assertThat(range.endExclusive()).isBetween(range.start(), length);
			assertThat(range.partial() || (range.start() == 0 && range.endExclusive() == length)).isTrue();
		}
		catch (FileException ex) {
			assertThat(ex.getStatusCode().value()).isEqualTo(416);
		}
	}

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aForeignCursorIsA400(FuzzedDataProvider data) {
		FileQuery.Sort sort = data.pickValue(FileQuery.Sort.values());
		boolean descending = data.consumeBoolean();
		try {
			FileCursor.decode(data.consumeRemainingAsString(), sort, descending);
		}
		catch (FileException ex) {
			assertThat(ex.getStatusCode().value()).isEqualTo(400);
		}
	}

}
