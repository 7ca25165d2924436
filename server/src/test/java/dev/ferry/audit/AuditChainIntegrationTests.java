package dev.ferry.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.ferry.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification of the chain on the running server. The tampering tests edit the shared
 * database behind the server's back, so they put every row back before they finish.
 */
class AuditChainIntegrationTests extends AuditIntegrationTest {

	@Test
	void anEditedRecordBreaksTheChainExactlyThere() {
		List<Map<String, Object>> rows = threeRecords("edited");
		String admin = adminToken();
		assertThat(verify(admin).get("valid").asBoolean()).isTrue();
		Object middle = rows.get(1).get("id");
		try {
			jdbc.sql("UPDATE audit_log SET action = 'auth.logout' WHERE id = ?").param(middle).update();
			JsonNode result = verify(admin);
			assertThat(result.get("valid").asBoolean()).isFalse();
			assertThat(result.get("first_invalid_id").asString()).isEqualTo(middle);
			assertThat(result.get("reason").asString()).isEqualTo("hash_mismatch");
			assertThat(result.get("checked").asLong()).isEqualTo(((Number) rows.get(1).get("seq")).longValue());
		}
		finally {
			jdbc.sql("UPDATE audit_log SET action = 'auth.login' WHERE id = ?").param(middle).update();
		}
		JsonNode repaired = verify(admin);
		assertThat(repaired.get("valid").asBoolean()).isTrue();
		assertThat(repaired.get("first_invalid_id").isNull()).isTrue();
	}

	@Test
	void aDeletedRecordBreaksTheChainAtTheNextOne() {
		List<Map<String, Object>> rows = threeRecords("deleted");
		String admin = adminToken();
		try {
			jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(rows.get(1).get("id")).update();
			JsonNode result = verify(admin);
			assertThat(result.get("valid").asBoolean()).isFalse();
			assertThat(result.get("first_invalid_id").asString()).isEqualTo(rows.get(2).get("id"));
			assertThat(result.get("reason").asString()).isEqualTo("missing_record");
		}
		finally {
			reinsert(rows.get(1));
		}
		assertThat(verify(admin).get("valid").asBoolean()).isTrue();
	}

	@Test
	void parallelAuditedRequestsKeepOneWholeContiguousChain() throws Exception {
		String marker = TestAccounts.uniqueEmail("parallel");
		int requests = 50;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				int n = i;
				answers.add(pool.submit(() -> {
					start.await();
					return (n % 2 == 0) ? api
						.post("/api/v1/auth/login", Map.of("email", n + "-" + marker, "password", "wrong-password"),
								null)
						.status() : api.get("/api/v1/me", "rejected-token-" + n).status();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(401);
			}
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode result = verify(adminToken());
		assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
		Map<String, Object> seqs = jdbc.sql("SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM audit_log")
			.query()
			.singleRow();
		assertThat(number(seqs, "lo")).isEqualTo(1);
		assertThat(number(seqs, "n")).isEqualTo(number(seqs, "hi"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single()).isEqualTo(requests / 2);
	}

	/** Three failed sign-ins in a row; their stored rows, oldest first. */
	private List<Map<String, Object>> threeRecords(String label) {
		String email = TestAccounts.uniqueEmail(label);
		for (int i = 0; i < 3; i++) {
			failedLogin(email);
		}
		List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_log WHERE details LIKE ? ORDER BY seq")
			.param("%" + email + "%")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(3);
		return rows;
	}

	private void reinsert(Map<String, Object> row) {
		String columns = String.join(", ", row.keySet());
		String marks = row.keySet().stream().map((c) -> "?").collect(Collectors.joining(", "));
		jdbc.sql("INSERT INTO audit_log (" + columns + ") VALUES (" + marks + ")")
			.params(new ArrayList<>(row.values()))
			.update();
	}

	private static long number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
