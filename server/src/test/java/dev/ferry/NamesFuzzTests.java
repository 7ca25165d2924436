package dev.ferry;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.FuzzBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for names people give things (they become ZIP entry names, log
 * lines, headers and mail): a name is either refused with a reason or free of control and
 * text-direction characters. See {@code bin/fuzz}.
 */
class NamesFuzzTests {

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void anAcceptedNameHasNoControlOrDirectionCharacters(FuzzedDataProvider data) {
		String name = data.consumeRemainingAsString();
		if (Names.flaw(name).isPresent()) {
			assertThat(Names.flaw(name).get()).startsWith("contains");
			return;
		}
		assertThat(name.chars()
			.noneMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202E'
					|| c == '\u2066' || c == '\u200F' || c == '\u200B' || c == '\uFEFF'))
			.isTrue();
	}

}
