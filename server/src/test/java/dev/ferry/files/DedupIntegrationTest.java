package dev.ferry.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.testing.Api;
import dev.ferry.storage.spi.StoredObject;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deduplication and compression through the real HTTP API ({@code FERRY_DEDUP=account}
 * and {@code FERRY_COMPRESSION=zstd}, the defaults): identical content of one account is
 * one blob with one set of stored objects, a copy's deletion leaves the other readable,
 * the last one's shreds the blob; two accounts never share; compressible text is stored
 * smaller and ranges read back exactly, incompressible content is stored as it is.
 * Subclasses run it on each database and store.
 */
abstract class DedupIntegrationTest extends FilesTestSupport {

	@Autowired
	BlobStore store;

	@Autowired
	TrashRepository trash;

	@Autowired
	TrashShredder trashShredder;

	@Autowired
	VersionRepository versions;

	@Autowired
	VersionStore versionStore;

	@Test
	void sameContentTwiceIsOneBlobUntilTheLastCopyGoes() {
		Account user = newUser();
		byte[] content = bytes(300_000, 41);
		String first = put(user, "/dedup/a.bin", content).get("id").asString();
		Set<String> keysBefore = keys("parts/");
		String second = put(user, "/dedup/b.bin", content).get("id").asString();
		String blob = blobOf(first);
		assertThat(blobOf(second)).isEqualTo(blob);
		assertThat(refCount(blob)).isEqualTo(2);
		// Background work (previews of earlier files) may store objects meanwhile: every
		// new object must belong to a live blob, so none is left of the second arrival's
		// own.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(keys("parts/")).filteredOn((key) -> !keysBefore.contains(key))
				.as("the second arrival's own objects are gone")
				.allMatch(this::belongsToALiveBlob));
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

	/**
	 * Two requests that read the same trash entry or older version before either deleted
	 * it (an owner emptying the trash while the sweeper runs, a doubled click): only the
	 * one that deletes the row gives up the reference, or the other copy sharing the blob
	 * would be shredded with it.
	 */
	@Test
	void aFileDeletedTwiceAtOnceGivesUpItsSharedBlobOnce() {
		Account user = newUser();
		byte[] content = bytes(100_000, 44);
		OneTrashed copies = twoCopiesOneTrashed(user, "/twice", content);
		String kept = copies.kept();
		String blob = copies.blob();
		TrashRepository.Trashed trashed = copies.trashed();
		assertThat(refCount(blob)).isEqualTo(2);

		trashShredder.shred(trashed, "test", null);
		trashShredder.shred(trashed, "test", null);
		assertThat(refCount(blob)).isOne();

		put(user, "/twice/kept.bin", content);
		assertThat(refCount(blob)).as("the older version and the current one").isEqualTo(2);
		VersionRepository.Version older = versions.older(UUID.fromString(kept)).get(0);
		assertThat(versionStore.drop(older, "test")).isTrue();
		assertThat(versionStore.drop(older, "test")).isFalse();
		assertThat(refCount(blob)).isOne();
		assertThat(fetch(user, "/api/v1/files/" + kept + "/download")).isEqualTo(content);
	}

	/**
	 * Pruning or retention that listed a version before a transfer pinned it leaves it:
	 * the drop itself asks for pins, under the file's lock that pinning takes too.
	 */
	@Test
	void aVersionPinnedAfterItWasListedIsNotDropped() {
		Account user = newUser();
		String file = put(user, "/pinned/report.bin", bytes(50_000, 48)).get("id").asString();
		put(user, "/pinned/report.bin", bytes(50_000, 49));
		VersionRepository.Version older = versions.older(UUID.fromString(file)).get(0);
		versions.pin(UUID.randomUUID(), UUID.fromString(file), user.id(), older.version());

		assertThat(versionStore.drop(older, "test")).isFalse();
		assertThat(versions.older(UUID.fromString(file))).extracting(VersionRepository.Version::id)
			.containsExactly(older.id());
		assertThat(fetch(user, "/api/v1/files/" + file + "/versions/" + older.version() + "/download"))
			.isEqualTo(bytes(50_000, 48));
	}

	/**
	 * A sweep that read a trash entry before its owner restored the file, gave it new
	 * content and deleted it again purges nothing: the entry it read is gone, and the
	 * shared blob it named now belongs to the file's older version, not to the trash.
	 */
	@Test
	void aStaleTrashEntryPurgesNothing() {
		Account user = newUser();
		byte[] content = bytes(100_000, 46);
		OneTrashed copies = twoCopiesOneTrashed(user, "/stale", content);
		String kept = copies.kept();
		String blob = copies.blob();
		TrashRepository.Trashed stale = copies.trashed();
		String file = stale.id().toString();
		Api.Response restored = api.post("/api/v1/trash/" + file + "/restore", Map.of(), user.token());
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		put(user, "/stale/gone.bin", bytes(100_000, 47));
		assertThat(api.delete("/api/v1/files/" + file, user.token()).status()).isEqualTo(204);

		assertThat(trashShredder.shred(stale, "test", null)).isFalse();
		assertThat(trash.find(UUID.fromString(file), user.id())).as("the new trash entry stays").isPresent();
		assertThat(refCount(blob)).as("the kept copy and the trashed file's older version").isEqualTo(2);
		assertThat(fetch(user, "/api/v1/files/" + kept + "/download")).isEqualTo(content);
	}

	/**
	 * {@code content} stored as {@code folder}/kept.bin and {@code folder}/gone.bin (one
	 * blob, shared), the second then moved to the trash.
	 */
	private OneTrashed twoCopiesOneTrashed(Account user, String folder, byte[] content) {
		String kept = put(user, folder + "/kept.bin", content).get("id").asString();
		String gone = put(user, folder + "/gone.bin", content).get("id").asString();
		assertThat(api.delete("/api/v1/files/" + gone, user.token()).status()).isEqualTo(204);
		return new OneTrashed(kept, blobOf(kept), trash.find(UUID.fromString(gone), user.id()).orElseThrow());
	}

	private record OneTrashed(String kept, String blob, TrashRepository.Trashed trashed) {
	}

	/**
	 * A file whose stored bytes cannot be read (the store lost them, or cannot be
	 * reached) is a server-side failure worth trying again, not a file that does not
	 * exist.
	 */
	@Test
	void aFileWhoseStoredBytesCannotBeReadAnswers503() throws IOException {
		Account user = newUser();
		String file = put(user, "/lost/bytes.bin", bytes(100_000, 45)).get("id").asString();
		for (String key : keys(partsOf(blobOf(file)))) {
			store.delete(key, false);
		}

		Api.Response download = api.get("/api/v1/files/" + file + "/download", user.token());
		assertThat(download.status()).isEqualTo(503);
		assertThat(download.contentType()).startsWith("application/problem+json");
		assertThat(download.json().get("type").asString()).endsWith("/storage-unavailable");
	}

	@Test
	void compressibleTextIsStoredSmallerAndRangesReadBackExactly() throws Exception {
		Account user = newUser();
		byte[] content = text(3_000_000);
		String file = upload(user, "/zstd/log.txt", "text/plain", content);
		String blob = blobOf(file);
		assertThat(compressed(blob)).isTrue();
		assertThat(storedSize(blob)).as("stored bytes").isLessThan(content.length / 3);
		Random random = new Random(11);
		for (int i = 0; i < 25; i++) {
			int start = random.nextInt(content.length);
			int end = start + random.nextInt(Math.min(content.length - start, 500_000));
			HttpResponse<byte[]> range = HttpClient.newHttpClient()
				.send(api.builder("/api/v1/files/" + file + "/download", user.token())
					.header("Range", "bytes=" + start + "-" + end)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(sha256(range.body())).as("bytes %d-%d", start, end)
				.isEqualTo(sha256(Arrays.copyOfRange(content, start, end + 1)));
		}
	}

	@Test
	void incompressibleAndCompressedTypesAreStoredAsTheyAre() {
		Account user = newUser();
		byte[] noise = bytes(1_000_000, 44);
		String random = blobOf(upload(user, "/zstd/noise.bin", "application/octet-stream", noise));
		assertThat(storedSize(random)).isGreaterThan(noise.length);
		assertThat(partsCompressed(random)).isZero();
		byte[] text = text(400_000);
		String zip = blobOf(upload(user, "/zstd/archive.zip", "application/zip", text));
		assertThat(compressed(zip)).as("a ZIP is not tried").isFalse();
		assertThat(storedSize(zip)).isGreaterThan(text.length);
	}

	private String upload(Account user, String path, String type, byte[] content) {
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=" + encode(path), user.token())
			.header("Content-Type", type)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static byte[] text(int size) {
		StringBuilder text = new StringBuilder(size + 100);
		Random random = new Random(size);
		String[] words = { "ferry", "secure", "transfer", "of", "files", "between", "people", "and", "servers" };
		while (text.length() < size) {
			text.append(words[random.nextInt(words.length)]).append(random.nextInt(100)).append(' ');
		}
		return Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), size);
	}

	boolean compressed(String blob) {
		return jdbc.sql("SELECT compressed FROM blobs WHERE id = ?").param(blob).query(Integer.class).single() == 1;
	}

	long partsCompressed(String blob) {
		return jdbc.sql("SELECT COUNT(*) FROM blob_parts WHERE blob_id = ? AND compressed = 1")
			.param(blob)
			.query(Long.class)
			.single();
	}

	long storedSize(String blob) {
		long total = 0;
		for (String key : jdbc.sql("SELECT store_key FROM blob_parts WHERE blob_id = ?")
			.param(blob)
			.query(String.class)
			.list()) {
			try {
				total += store.size(key);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return total;
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

	Set<String> keys(String prefix) {
		try (Stream<StoredObject> listed = store.list(prefix)) {
			return listed.map(StoredObject::key).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean belongsToALiveBlob(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM blob_parts WHERE store_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0;
	}

	static String partsOf(String blob) {
		return "parts/" + blob.substring(0, 2) + "/" + UUID.fromString(blob) + "/";
	}

}
