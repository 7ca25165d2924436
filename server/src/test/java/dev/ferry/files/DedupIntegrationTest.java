package dev.ferry.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.StoredObject;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deduplication through the real HTTP API ({@code FERRY_DEDUP=account}, the default):
 * identical content of one account is one blob with one set of stored objects, a copy's
 * deletion leaves the other readable, the last one's shreds the blob; two accounts never
 * share. Subclasses run it on each database and store.
 */
abstract class DedupIntegrationTest extends FilesTestSupport {

	@Autowired
	BlobStore store;

	@Test
	void sameContentTwiceIsOneBlobUntilTheLastCopyGoes() {
		Account user = newUser();
		byte[] content = bytes(300_000, 41);
		String first = put(user, "/dedup/a.bin", content).get("id").asString();
		long objectsBefore = objects("parts/");
		String second = put(user, "/dedup/b.bin", content).get("id").asString();
		String blob = blobOf(first);
		assertThat(blobOf(second)).isEqualTo(blob);
		assertThat(refCount(blob)).isEqualTo(2);
		assertThat(objects("parts/")).as("the second arrival's own objects are gone").isEqualTo(objectsBefore);
		assertThat(objects(partsOf(blob))).isPositive();

		assertThat(api.delete("/api/v1/files/" + first + "?permanent=true", user.token()).status()).isEqualTo(204);
		assertThat(fetch(user, "/api/v1/files/" + second + "/download")).isEqualTo(content);
		assertThat(keyed(blob)).isOne();
		assertThat(refCount(blob)).isOne();

		assertThat(api.delete("/api/v1/files/" + second + "?permanent=true", user.token()).status()).isEqualTo(204);
		assertThat(keyed(blob)).as("crypto-shredded with the last reference").isZero();
		assertThat(objects(partsOf(blob))).isZero();
	}

	@Test
	void twoAccountsNeverShareABlob() {
		byte[] content = bytes(200_000, 42);
		Account one = newUser();
		Account other = newUser();
		String blobOne = blobOf(put(one, "/same.bin", content).get("id").asString());
		String blobOther = blobOf(put(other, "/same.bin", content).get("id").asString());
		assertThat(blobOther).isNotEqualTo(blobOne);
		assertThat(refCount(blobOne)).isOne();
		assertThat(refCount(blobOther)).isOne();
	}

	@Test
	void versionsTrashAndErasureCountTheirReferences() {
		Account user = newUser();
		byte[] content = bytes(100_000, 43);
		String file = put(user, "/v/doc.bin", content).get("id").asString();
		String blob = blobOf(file);
		put(user, "/v/doc.bin", content);
		assertThat(blobOf(file)).isEqualTo(blob);
		assertThat(refCount(blob)).as("the older version and the current one").isEqualTo(2);
		String copy = put(user, "/v/copy.bin", content).get("id").asString();
		assertThat(refCount(blob)).isEqualTo(3);

		assertThat(api.delete("/api/v1/files/" + copy, user.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/trash/" + copy, user.token()).status()).isEqualTo(204);
		assertThat(refCount(blob)).isEqualTo(2);
		assertThat(fetch(user, "/api/v1/files/" + file + "/download")).isEqualTo(content);

		assertThat(api.delete("/api/v1/admin/users/" + user.id(), adminToken()).status()).isEqualTo(204);
		assertThat(keyed(blob)).as("erasing the account shreds what it owned").isZero();
		assertThat(objects(partsOf(blob))).isZero();
	}

	String blobOf(String fileId) {
		return jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(fileId).query(String.class).single();
	}

	long refCount(String blob) {
		return jdbc.sql("SELECT ref_count FROM blobs WHERE id = ?").param(blob).query(Long.class).single();
	}

	long objects(String prefix) {
		try (Stream<StoredObject> listed = store.list(prefix)) {
			return listed.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String partsOf(String blob) {
		return "parts/" + blob.substring(0, 2) + "/" + UUID.fromString(blob) + "/";
	}

}
