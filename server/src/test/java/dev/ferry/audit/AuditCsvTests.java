package dev.ferry.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
		assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
		assertThat(AuditCsv.cell(null)).isEmpty();
		assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditCsv.cell("two\r\nlines\nhere")).isEqualTo("\"two\r\nlines\nhere\"");
	}

	@Test
	void cellsThatLookLikeFormulasCannotRunInASpreadsheet() {
		assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx"))
			.allSatisfy((value) -> assertThat(AuditCsv.cell(value)).startsWith("'").endsWith(value.substring(1)));
		assertThat(AuditCsv.cell("=A1,B1")).isEqualTo("\"'=A1,B1\"");
	}

	@Test
	void rowsParseBackWithAStrictReader() {
		AuditRecord record = new AuditRecord(7, "id-7", 0, "user", "u-1", "Ann, \"the admin\"", "auth.login", null,
				null, "success", "::1", "curl/8\r\nX: y", null, "{\"note\":\"a,b\"}", "p", "h");
		List<List<String>> rows = Csv.parse(AuditCsv.header() + AuditCsv.row(record));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsExactly("id-7", "7", "1970-01-01T00:00:00Z", "user", "u-1",
				"Ann, \"the admin\"", "auth.login", "", "", "success", "::1", "curl/8\r\nX: y", "",
				"{\"note\":\"a,b\"}", "h");
	}

}
