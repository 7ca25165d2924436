package dev.ferry.share;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.FuzzBudget;

import static org.assertj.core.api.Assertions.assertThat;

/** Jazzer fuzz target for the share listings' cursor. See {@code bin/fuzz}. */
class ShareInputsFuzzTests {

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aCursorDecodesToOneThatEncodesBackOrIsA400(FuzzedDataProvider data) {
		String value = data.consumeRemainingAsString();
		try {
			Cursor cursor = Cursor.decode(value);
			if (cursor != null) {
				assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
			}
		}
		catch (ShareException ex) {
			assertThat(ex.getStatusCode().value()).isEqualTo(400);
		}
	}

}
