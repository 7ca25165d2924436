package dev.ferry.pii;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on its own: each kind found in its usual spellings, check digits required,
 * values split across the tally's pieces still found once.
 */
class PiiDetectorTests {

	@Test
	void everyKindIsFoundOnceAndNothingElse() {
		assertThat(counts(PiiSamples.everyKind())).containsExactlyInAnyOrderEntriesOf(Map.of(PiiKind.EMAIL, 1,
				PiiKind.PHONE, 1, PiiKind.PAYMENT_CARD, 1, PiiKind.IBAN, 1, PiiKind.US_SSN, 1, PiiKind.DE_TAX_ID, 1));
	}

	@Test
	void otherSpellingsAreFound() {
		assertThat(counts("5500-0000-0000-0004 GB82WEST12345698765432 (415) 555-0100 86 095 742 719"))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of(PiiKind.PAYMENT_CARD, 1, PiiKind.IBAN, 1, PiiKind.PHONE, 1, PiiKind.DE_TAX_ID, 1));
	}

	@Test
	void digitsFailingTheirChecksAreNotFlagged() {
		assertThat(counts(PiiSamples.randomDigits(16, 5_000))).isEmpty();
		assertThat(counts("4111 1111 1111 1112 DE88 3704 0044 0532 0130 00 000-12-3456 86095742718")).isEmpty();
	}

	@Test
	void aLongTextIsScannedInPiecesWithoutLosingValuesAtTheEdges() throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 2_000; i++) {
			text.append("line ").append(i).append(' ').append(PiiSamples.EMAIL).append(' ');
		}
		PiiTally tally = new PiiTally();
		new StringReader(text.toString()).transferTo(tally);
		tally.close();
		assertThat(text.length()).isGreaterThan(3 * PiiTally.PIECE);
		assertThat(tally.counts()).containsExactlyEntriesOf(Map.of(PiiKind.EMAIL, 2_000));
	}

	/**
	 * A line longer than a piece with no blank (minified JSON) or with blanks inside its
	 * values (IBANs in groups of four) is cut where no value can be, not through one.
	 */
	@Test
	void aLongLineIsCutBetweenValuesNotThroughThem() throws IOException {
		StringBuilder json = new StringBuilder("[");
		StringBuilder prose = new StringBuilder();
		for (int i = 0; i < 2_000; i++) {
			json.append("{\"e\":\"u").append(i).append("@customer-records-department.example.com\"},");
			prose.append("pay ").append(PiiSamples.IBAN).append("; ");
		}
		assertThat(json.length()).isGreaterThan(3 * PiiTally.PIECE);

		assertThat(tallied(json.append(']').toString())).containsExactlyEntriesOf(Map.of(PiiKind.EMAIL, 2_000));
		assertThat(tallied(prose.toString())).containsExactlyEntriesOf(Map.of(PiiKind.IBAN, 2_000));
	}

	private static Map<PiiKind, Integer> tallied(String text) throws IOException {
		PiiTally tally = new PiiTally();
		new StringReader(text).transferTo(tally);
		tally.close();
		return tally.counts();
	}

	private static Map<PiiKind, Integer> counts(String text) {
		Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);
		PiiDetector.count(text, counts);
		return counts;
	}

}
