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

	@Test
	void addressesInTextAndTheAddressARecordIsAboutKeepOnlyTheirNetwork() {
		assertThat(PiiMask.text("{\"subject\":\"ip:203.0.113.77\",\"detail\":\"among them 198.51.100.4.\"}"))
			.isEqualTo("{\"subject\":\"ip:203.0.113.0/24\",\"detail\":\"among them 198.51.100.0/24.\"}");
		assertThat(PiiMask.text("version 1.2.3.4.5 of size 12.5")).as("not an address")
			.isEqualTo("version 1.2.3.4.5 of size 12.5");
		AuditRecord ban = new AuditRecord(1, "id", 0, "system", null, null, "defender.banned", "address",
				"203.0.113.77", "success", null, null, null, "{}", "p", "h");
		assertThat(PiiMask.apply(ban).objectId()).isEqualTo("203.0.113.0/24");
		AuditRecord file = new AuditRecord(2, "id", 0, "system", null, null, "file.read", "file", "f-1", "success",
				null, null, null, "{}", "p", "h");
		assertThat(PiiMask.apply(file).objectId()).isEqualTo("f-1");
	}

}
