package dev.ferry.crypto;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Named random secrets shared by every node (audit chain key, dedup key, ...), stored in
 * the database sealed under the {@link KeyEncryptionKey}. The first node to need one
 * creates it; the others read the same value.
 */
@Service
public class ServerSecrets implements SealedValues {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final KeyEncryptionKey kek;

	ServerSecrets(JdbcClient jdbc, KeyEncryptionKey kek) {
		this.jdbc = jdbc;
		this.kek = kek;
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
			.map((sealed) -> kek.open(sealed, context(name)));
	}

	private byte[] create(String name) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		try {
			jdbc.sql("INSERT INTO server_secrets (name, sealed, created_at) VALUES (?, ?, ?)")
				.params(name, kek.seal(secret, context(name)), System.currentTimeMillis())
				.update();
			return secret;
		}
		catch (DuplicateKeyException raced) {
			return read(name).orElseThrow();
		}
	}

	@Override
	public long resealAll() {
		int primary = kek.primaryKeyId();
		long resealed = 0;
		for (Sealed sealed : jdbc.sql("SELECT name, sealed FROM server_secrets")
			.query((rs, i) -> new Sealed(rs.getString(1), rs.getBytes(2)))
			.list()) {
			if (kek.keyIdOf(sealed.value()) != primary) {
				jdbc.sql("UPDATE server_secrets SET sealed = ? WHERE name = ?")
					.params(kek.reseal(sealed.value(), context(sealed.name())), sealed.name())
					.update();
				resealed++;
			}
		}
		return resealed;
	}

	private static String context(String name) {
		return "server-secret:" + name;
	}

	private record Sealed(String name, byte[] value) {
	}

}
