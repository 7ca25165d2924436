package dev.ferry.share.transfer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code e2e_transfers} table: which transfers are end-to-end encrypted. */
@Repository
class EncryptedTransferRepository {

	private final JdbcClient jdbc;

	EncryptedTransferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID transferId, String manifest) {
		jdbc.sql("INSERT INTO e2e_transfers (transfer_id, manifest) VALUES (?, ?)")
			.params(transferId.toString(), manifest)
			.update();
	}

	Optional<EncryptedTransfers.Encryption> find(UUID transferId) {
		return jdbc.sql("SELECT manifest FROM e2e_transfers WHERE transfer_id = ?")
			.param(transferId.toString())
			.query((rs, row) -> new EncryptedTransfers.Encryption(rs.getString(1)))
			.optional();
	}

}
