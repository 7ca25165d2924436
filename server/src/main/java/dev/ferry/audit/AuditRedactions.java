package dev.ferry.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The commitments of erased personal fields, by record: what {@link AuditChain} hashes in
 * place of a value that is gone. Stored as {@code field=commitment;...}.
 */
@Repository
class AuditRedactions {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	AuditRedactions(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** The redactions of records with afterSeq &lt; seq &le; untilSeq, by seq. */
	Map<Long, Map<String, String>> between(long afterSeq, long untilSeq) {
		Map<Long, Map<String, String>> found = new HashMap<>();
		jdbc.sql("SELECT seq, commitments FROM audit_redactions WHERE seq > ? AND seq <= ?")
			.params(afterSeq, untilSeq)
			.query((rs) -> {
				found.put(rs.getLong(1), parse(rs.getString(2)));
			});
		return found;
	}

	/**
	 * Adds commitments to a record's; a field erased before keeps its first commitment.
	 */
	void add(long seq, Map<String, String> commitments) {
		Map<String, String> merged = new LinkedHashMap<>(commitments);
		// Read as last committed: another erasure of someone named in the same record may
		// have added its commitments since this transaction first read.
		Map<String, String> existing = jdbc
			.sql("SELECT commitments FROM audit_redactions WHERE seq = ?" + dialect.latestCommitted())
			.param(seq)
			.query((rs, i) -> parse(rs.getString(1)))
			.optional()
			.orElse(null);
		if (existing != null) {
			merged.putAll(existing);
			jdbc.sql("UPDATE audit_redactions SET commitments = ? WHERE seq = ?").params(format(merged), seq).update();
		}
		else {
			jdbc.sql("INSERT INTO audit_redactions (seq, commitments) VALUES (?, ?)")
				.params(seq, format(merged))
				.update();
		}
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> commitments = new HashMap<>();
		for (String pair : text.split(";")) {
			int equals = pair.indexOf('=');
			commitments.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return commitments;
	}

	private static String format(Map<String, String> commitments) {
		return commitments.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(";"));
	}

}
