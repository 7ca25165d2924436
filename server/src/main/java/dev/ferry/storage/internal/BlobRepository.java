package dev.ferry.storage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code blobs} and {@code blob_parts} tables. */
@Repository
class BlobRepository {

	private static final String PART_COLUMNS = "part_index, plain_offset, plain_length, cipher_length, store_key, compressed";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	BlobRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	void insert(UUID id, DataKeys.WrappedKey key, long now, boolean compressed) {
		jdbc.sql("INSERT INTO blobs (id, wrapped_key, kek_key_id, length, part_count, created_at, compressed, claimed) "
				+ "VALUES (?, ?, ?, 0, 0, ?, ?, 0)")
			.params(id.toString(), key.wrapped(), key.kekKeyId(), now, compressed ? 1 : 0)
			.update();
	}

	/** The blob, unless it does not exist or was destroyed. */
	Optional<Blob> find(UUID id) {
		return jdbc
			.sql("SELECT wrapped_key, length, part_count, compressed FROM blobs WHERE id = ? AND deleted_at IS NULL")
			.param(id.toString())
			.query((rs, i) -> new Blob(id, rs.getBytes(1), rs.getLong(2), rs.getInt(3), rs.getInt(4) == 1))
			.optional();
	}

	/** Parts holding any byte of {@code [start, endExclusive)}, in order. */
	List<Part> partsOverlapping(UUID id, long start, long endExclusive) {
		return jdbc
			.sql("SELECT " + PART_COLUMNS + " FROM blob_parts WHERE blob_id = ? AND plain_offset < ? "
					+ "AND plain_offset + plain_length > ? ORDER BY part_index")
			.params(id.toString(), endExclusive, start)
			.query(BlobRepository::part)
			.list();
	}

	List<Part> parts(UUID id) {
		return jdbc.sql("SELECT " + PART_COLUMNS + " FROM blob_parts WHERE blob_id = ? ORDER BY part_index")
			.param(id.toString())
			.query(BlobRepository::part)
			.list();
	}

	Optional<Part> lastPart(UUID id) {
		return jdbc
			.sql("SELECT " + PART_COLUMNS + " FROM blob_parts WHERE blob_id = ? ORDER BY part_index DESC LIMIT 1")
			.param(id.toString())
			.query(BlobRepository::part)
			.optional();
	}

	/**
	 * Puts {@code replacement} in the place of the last part {@code old} if the blob is
	 * still exactly {@code expected}: the same compare-and-set as {@link #append}.
	 */
	boolean replaceLast(UUID id, Blob expected, Part old, Part replacement) {
		return Boolean.TRUE.equals(transactions.execute((status) -> {
			int updated = jdbc
				.sql("UPDATE blobs SET length = ? WHERE id = ? AND length = ? AND part_count = ? "
						+ "AND deleted_at IS NULL")
				.params(replacement.end(), id.toString(), expected.length(), expected.partCount())
				.update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("UPDATE blob_parts SET plain_length = ?, cipher_length = ?, store_key = ?, compressed = ? "
					+ "WHERE blob_id = ? AND part_index = ? AND store_key = ?")
				.params(replacement.length(), replacement.cipherLength(), replacement.storeKey(),
						replacement.compressed() ? 1 : 0, id.toString(), old.index(), old.storeKey())
				.update();
			return true;
		}));
	}

	/**
	 * Appends {@code part} if the blob is still exactly {@code expected} (same length and
	 * part count, not destroyed): a compare-and-set, so of two writers at one offset only
	 * the first commit wins.
	 */
	boolean append(UUID id, Blob expected, Part part, long now) {
		return Boolean.TRUE.equals(transactions.execute((status) -> {
			int updated = jdbc
				.sql("UPDATE blobs SET length = length + ?, part_count = part_count + 1 "
						+ "WHERE id = ? AND length = ? AND part_count = ? AND deleted_at IS NULL")
				.params(part.length(), id.toString(), expected.length(), expected.partCount())
				.update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("INSERT INTO blob_parts (blob_id, " + PART_COLUMNS
					+ ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id.toString(), part.index(), part.offset(), part.length(), part.cipherLength(), part.storeKey(),
						part.compressed() ? 1 : 0, now)
				.update();
			return true;
		}));
	}

	/**
	 * Drops the wrapped data key and marks the blob deleted if only one reference is
	 * left; false if another reference remains or the blob is already gone.
	 */
	boolean shred(UUID id, long now) {
		return jdbc
			.sql("UPDATE blobs SET wrapped_key = NULL, kek_key_id = NULL, deleted_at = ?, ref_count = 0 "
					+ "WHERE id = ? AND deleted_at IS NULL AND ref_count <= 1")
			.params(now, id.toString())
			.update() == 1;
	}

	/**
	 * Gives up one of several references; false when it is the last (or none is left).
	 */
	boolean dropReference(UUID id) {
		return jdbc
			.sql("UPDATE blobs SET ref_count = ref_count - 1 WHERE id = ? AND deleted_at IS NULL AND ref_count > 1")
			.param(id.toString())
			.update() == 1;
	}

	/** One more row refers to the blob; false if it is being destroyed. */
	boolean addReference(UUID id) {
		return jdbc
			.sql("UPDATE blobs SET ref_count = ref_count + 1 WHERE id = ? AND deleted_at IS NULL AND ref_count > 0")
			.param(id.toString())
			.update() == 1;
	}

	boolean exists(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM blobs WHERE id = ?").param(id.toString()).query(Long.class).single() > 0;
	}

	void deletePart(UUID id, int index) {
		jdbc.sql("DELETE FROM blob_parts WHERE blob_id = ? AND part_index = ?").params(id.toString(), index).update();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM blob_dedup WHERE blob_id = ?").param(id.toString()).update();
		jdbc.sql("DELETE FROM blobs WHERE id = ?").param(id.toString()).update();
	}

	List<UUID> shredded(int limit) {
		return jdbc.sql("SELECT id FROM blobs WHERE deleted_at IS NOT NULL ORDER BY deleted_at LIMIT ?")
			.param(limit)
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	boolean isReferenced(String storeKey) {
		return jdbc.sql("SELECT COUNT(*) FROM blob_parts WHERE store_key = ?")
			.param(storeKey)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Up to {@code limit} live blobs after {@code afterId} (in id order) whose data key
	 * is not wrapped by {@code kekKeyId}.
	 */
	List<Blob> wrappedByOtherThan(int kekKeyId, String afterId, int limit) {
		return jdbc
			.sql("SELECT id, wrapped_key, length, part_count, compressed FROM blobs "
					+ "WHERE deleted_at IS NULL AND kek_key_id <> ? AND id > ? ORDER BY id LIMIT ?")
			.params(kekKeyId, afterId, limit)
			.query((rs, i) -> new Blob(UUID.fromString(rs.getString(1)), rs.getBytes(2), rs.getLong(3), rs.getInt(4),
					rs.getInt(5) == 1))
			.list();
	}

	/** Replaces the wrapped key unless the blob was destroyed meanwhile. */
	boolean rewrap(UUID id, DataKeys.WrappedKey key) {
		return jdbc.sql("UPDATE blobs SET wrapped_key = ?, kek_key_id = ? WHERE id = ? AND deleted_at IS NULL")
			.params(key.wrapped(), key.kekKeyId(), id.toString())
			.update() == 1;
	}

	/**
	 * Up to {@code limit} live blobs after {@code afterId} (in id order), created before
	 * {@code createdBefore}, that no module has been seen referring to.
	 */
	List<Unclaimed> unclaimed(long createdBefore, String afterId, int limit) {
		return jdbc
			.sql("SELECT id, ref_count, unreferenced_at FROM blobs WHERE claimed = 0 AND created_at < ? "
					+ "AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?")
			.params(createdBefore, afterId, limit)
			.query((rs, i) -> new Unclaimed(UUID.fromString(rs.getString(1)), rs.getInt(2),
					(rs.getObject(3) != null) ? rs.getLong(3) : null))
			.list();
	}

	void claim(Collection<UUID> ids) {
		jdbc.sql("UPDATE blobs SET claimed = 1, unreferenced_at = NULL WHERE id IN (:ids)")
			.param("ids", ids.stream().map(UUID::toString).toList())
			.update();
	}

	/** Notes the first time nothing referred to the blob. */
	void markUnreferenced(UUID id, long now) {
		jdbc.sql("UPDATE blobs SET unreferenced_at = ? WHERE id = ? AND claimed = 0 AND unreferenced_at IS NULL")
			.params(now, id.toString())
			.update();
	}

	/**
	 * Shreds an unclaimed blob as {@link #unclaimed} found it: not if it was claimed
	 * meanwhile or gained a reference (a deduplicated arrival), and its content key goes
	 * with it so that no later arrival is deduplicated onto it.
	 */
	boolean shredUnclaimed(Unclaimed blob, long now) {
		return Boolean.TRUE.equals(transactions.execute((status) -> {
			int updated = jdbc
				.sql("UPDATE blobs SET wrapped_key = NULL, kek_key_id = NULL, deleted_at = ?, ref_count = 0 "
						+ "WHERE id = ? AND deleted_at IS NULL AND claimed = 0 AND ref_count = ? AND unreferenced_at = ?")
				.params(now, blob.id().toString(), blob.refCount(), blob.unreferencedAt())
				.update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("DELETE FROM blob_dedup WHERE blob_id = ?").param(blob.id().toString()).update();
			return true;
		}));
	}

	private static Part part(ResultSet rs, int row) throws SQLException {
		return new Part(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6) == 1);
	}

	/**
	 * {@code unreferencedAt}: when nothing first referred to it (null: not yet seen so).
	 */
	record Unclaimed(UUID id, int refCount, Long unreferencedAt) {
	}

	/** {@code compressed}: its parts are compressed with zstd where that pays off. */
	record Blob(UUID id, byte[] wrappedKey, long length, int partCount, boolean compressed) {
	}

	/**
	 * One encrypted part: plaintext bytes {@code [offset, offset + length)} of the blob;
	 * {@code compressed}: stored as zstd frames ({@link CompressingChannel}).
	 */
	record Part(int index, long offset, long length, long cipherLength, String storeKey, boolean compressed) {

		long end() {
			return offset + length;
		}

	}

}
