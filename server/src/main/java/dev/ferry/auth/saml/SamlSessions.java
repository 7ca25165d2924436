package dev.ferry.auth.saml;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which identity provider session each Ferry session signed in through SAML belongs to
 * ({@code saml_sessions}; a row goes with its session).
 */
@Repository
class SamlSessions {

	private final JdbcClient jdbc;

	SamlSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void remember(UUID sessionId, String provider, SamlAssertion assertion) {
		jdbc.sql("""
				INSERT INTO saml_sessions (session_id, provider, name_id, name_id_format, session_index)
				VALUES (?, ?, ?, ?, ?)""")
			.params(sessionId.toString(), provider, assertion.subject(), assertion.nameIdFormat(),
					assertion.sessionIndex())
			.update();
	}

	Optional<Row> find(UUID sessionId) {
		return jdbc
			.sql("SELECT provider, name_id, name_id_format, session_index FROM saml_sessions WHERE session_id = ?")
			.param(sessionId.toString())
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/**
	 * The Ferry sessions of {@code nameId} at {@code provider}; only those of the given
	 * provider sessions when {@code sessionIndexes} names any.
	 */
	List<UUID> matching(String provider, String nameId, List<String> sessionIndexes) {
		return jdbc.sql("SELECT session_id, session_index FROM saml_sessions WHERE provider = ? AND name_id = ?")
			.params(provider, nameId)
			.query((rs, i) -> sessionIndexes.isEmpty() || sessionIndexes.contains(rs.getString(2))
					? UUID.fromString(rs.getString(1)) : null)
			.list()
			.stream()
			.filter((id) -> id != null)
			.toList();
	}

	/** A provider session: who and which, as a logout request names it. */
	record Row(String provider, String nameId, String nameIdFormat, String sessionIndex) {
	}

}
