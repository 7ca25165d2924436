package dev.ferry.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PiiMask} masks, and what it leaves (numbers whose checksum fails). */
class PiiMaskTests {

	@Test
	void masksEachKindAndKeepsTheJsonAroundIt() {
		String details = "{\"to\":\"ann.lee@example.org\",\"card\":\"4111 1111 1111 1111\",\"iban\":\"DE89 3704 0044 0532 0130 00\","
				+ "\"ssn\":\"123-45-6789\",\"nino\":\"AB 12 34 56 C\",\"phone\":\"+44 20 7946 0958\",\"size\":1234}";
		assertThat(PiiMask.text(details)).isEqualTo("{\"to\":\"[email]\",\"card\":\"[card]\",\"iban\":\"[iban]\","
				+ "\"ssn\":\"[ssn]\",\"nino\":\"[nino]\",\"phone\":\"[phone]\",\"size\":1234}");
	}

	@Test
	void aNumberThatFailsLuhnIsNotACard() {
		assertThat(PiiMask.text("order 4111 1111 1111 1112")).isEqualTo("order 4111 1111 1111 1112");
	}

	@Test
	void addressesKeepOnlyTheirNetwork() {
		assertThat(PiiMask.address("203.0.113.77")).isEqualTo("203.0.113.0/24");
		assertThat(PiiMask.address("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
		assertThat(PiiMask.address(null)).isNull();
	}

}
