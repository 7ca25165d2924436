package dev.ferry.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalMentionsTests {

	private static final String ID = "0b5c3f2e-8d1a-4c7e-9f00-123456789abc";

	@Test
	void theIdGoesInEveryForm() {
		assertThat(PersonalMentions.replace("{\"user\":\"" + ID + "\",\"subject\":\"user:" + ID + "\"}", ID,
				"ann@x.test", "erased-1"))
			.isEqualTo("{\"user\":\"erased-1\",\"subject\":\"user:erased-1\"}");
	}

	@Test
	void theEmailGoesAsAValueAndInsideAMessageButNotInsideAnotherAddress() {
		assertThat(PersonalMentions.replace("{\"email\":\"Ann@X.test\"}", ID, "ann@x.test", "erased-1"))
			.isEqualTo("{\"email\":\"erased-1\"}");
		assertThat(PersonalMentions.replace(
				"{\"detail\":\"A user with userName ann@x.test is provisioned already. Ask ann@x.test.\"}", ID,
				"ann@x.test", "erased-1"))
			.isEqualTo("{\"detail\":\"A user with userName erased-1 is provisioned already. Ask erased-1.\"}");
		String others = "{\"a\":\"joann@x.test\",\"b\":\"ann@x.test.example\",\"c\":\"ann@x.tests\"}";
		assertThat(PersonalMentions.replace(others, ID, "ann@x.test", "erased-1")).isEqualTo(others);
	}

}
