package dev.ferry.crypto;

import java.security.SecureRandom;
import java.util.Optional;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Named random secrets shared by every node (audit chain key, dedup key, ...), stored in
 * the database sealed under the {@link KeyEncryptionKey}. The first node to need one
 * creates it; the others read the same value.
 */
@Service
public class ServerSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String CONTEXT = "server-secret:";

	private final JdbcClient jdbc;

	private final SealedColumn sealed;

	private final SqlDialect dialect;

	ServerSecrets(JdbcClient jdbc, KeyEncryptionKey kek, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.sealed = SealedTable.register(kek, jdbc, "server_secrets", "name", "sealed", CONTEXT);
	}

	/** Returns the 32-byte secret called {@code name}, creating it on first use. */
	public byte[] secret(String name) {
		return read(name).orElseGet(() -> create(name));
	}

	private Optional<byte[]> read(String name) {
		return jdbc.sql("SELECT sealed FROM server_secrets WHERE name = ?")
			.param(name)
			.query((rs, i) -> rs.getBytes(1))
			.optional()
			.map((value) -> sealed.open(value, context(name)));
	}

	private byte[] create(String name) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		// Two first uses at once (two nodes, or two threads): the one whose row is there
		// wins, without a constraint error (which SQLite's driver does not name as one).
		int inserted = jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO server_secrets (name, sealed, created_at) VALUES (?, ?, ?)",
					"name"))
			.params(name, sealed.seal(secret, context(name)), System.currentTimeMillis())
			.update();
		return (inserted == 1) ? secret : read(name).orElseThrow();
	}

	private static String context(String name) {
		return CONTEXT + name;
	}

}
