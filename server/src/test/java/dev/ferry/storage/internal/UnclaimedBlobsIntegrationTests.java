package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blob a crash left before its row existed is destroyed by the storage cleanup, on its
 * second look at least ten minutes after the first; the blobs of files, older versions,
 * trashed files and unfinished uploads are claimed and kept. Blobs are aged by moving
 * their creation back a day, so other classes' fresh blobs are never looked at.
 */
class UnclaimedBlobsIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Autowired
	BlobRepository blobs;

	@Autowired
	BlobCleanup cleanup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aBlobNothingReferredToIsDestroyedOnTheSecondLookAndTheReferredOnesAreKept() throws IOException {
		String token = adminToken();
		String path = "/unclaimed-" + UUID.randomUUID();
		String file = api.putFile(path + "/kept.txt", "first content", token);
		api.putFile(path + "/kept.txt", "second content", token);
		String trashed = api.putFile(path + "/trashed.txt", "trashed content", token);
		assertThat(api.delete("/api/v1/files/" + trashed, token).status()).isEqualTo(204);
		Api.Response upload = api.send(api.builder("/api/v1/uploads", token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "100")
			.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("later.bin".getBytes()))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		String uploadId = upload.headers().get("Location").get(0).replaceAll(".*/", "");

		UUID current = blob("SELECT blob_id FROM files WHERE id = ?", file);
		UUID older = blob("SELECT blob_id FROM file_versions WHERE file_id = ? AND blob_id <> '" + current + "'", file);
		UUID inTrash = blob("SELECT blob_id FROM trashed_files WHERE id = ?", trashed);
		UUID unfinished = blob("SELECT blob_id FROM uploads WHERE id = ?", uploadId);
		UUID leftover = storage.create();
		try (PendingPart part = storage.beginPart(leftover, 0)) {
			part.stream().write(new byte[] { 7, 7, 7 });
			part.commit();
		}
		List<UUID> referred = List.of(current, older, inTrash, unfinished);
		referred.forEach(this::ageByADay);
		ageByADay(leftover);

		Instant first = Instant.now();
		Instant unclaimedBefore = first.minus(Duration.ofHours(23));
		assertThat(cleanup.run(first.minusSeconds(3600), unclaimedBefore, first).unclaimed()).isZero();
		assertThat(referred).as("claimed for good").allMatch((id) -> claimed(id) == 1);
		assertThat(claimed(leftover)).isZero();

		Instant tooSoon = first.plus(UnclaimedBlobs.RECHECK).minusSeconds(60);
		assertThat(cleanup.run(tooSoon.minusSeconds(3600), unclaimedBefore, tooSoon).unclaimed()).isZero();
		assertThat(blobs.find(leftover)).as("not before the second look's delay").isPresent();

		Instant second = first.plus(UnclaimedBlobs.RECHECK);
		assertThat(cleanup.run(second.minusSeconds(3600), unclaimedBefore, second).unclaimed()).isOne();
		assertThat(blobs.exists(leftover)).as("shredded and purged").isFalse();
		assertThat(EncryptedBlobStorageIntegrationTests.filesOf(leftover)).isEmpty();
		assertThat(referred).allMatch(blobs::exists);
		try (InputStream in = storage.openRange(current, 0, "second content".length())) {
			assertThat(new String(in.readAllBytes())).isEqualTo("second content");
		}
	}

	/**
	 * A deduplicated arrival that takes the blob as its holder between the look that
	 * found it unreferenced and the shredding: the shredding does not go through.
	 */
	@Test
	void aBlobThatGainsAReferenceWhileItIsLookedAtIsKept() {
		UUID blob = storage.create();
		ageByADay(blob);
		blobs.markUnreferenced(blob, Instant.now().minus(UnclaimedBlobs.RECHECK).toEpochMilli());
		BlobRepository.Unclaimed seen = blobs
			.unclaimed(Instant.now().minus(Duration.ofHours(23)).toEpochMilli(), blob.toString().substring(0, 35), 100)
			.stream()
			.filter((candidate) -> candidate.id().equals(blob))
			.findFirst()
			.orElseThrow();
		assertThat(blobs.addReference(blob)).isTrue();

		assertThat(blobs.shredUnclaimed(seen, Instant.now().toEpochMilli())).isFalse();
		assertThat(blobs.find(blob)).isPresent();
	}

	/**
	 * The cleanup destroys what no {@code BlobReferences} claims: a new table holding
	 * blob ids must be answered for by its module, or its content is lost a day later.
	 */
	@Test
	void everyTableReferringToBlobsIsAnsweredFor() throws SQLException {
		Set<String> referring = new TreeSet<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = metadata.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME"));
				}
			}
			for (String table : tables) {
				try (ResultSet columns = metadata.getColumns(null, null, table, "%")) {
					while (columns.next()) {
						if (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).contains("blob")) {
							referring.add(table.toLowerCase(Locale.ROOT));
						}
					}
				}
			}
		}
		assertThat(referring).as("tables with a blob column; those outside storage need a BlobReferences")
			.containsExactlyInAnyOrder("blob_parts", "blob_dedup", "files", "file_versions", "trashed_files", "uploads",
					"previews", "gdpr_exports");
	}

	private UUID blob(String sql, String id) {
		return UUID.fromString(jdbc.sql(sql).param(id).query(String.class).single());
	}

	private void ageByADay(UUID blob) {
		jdbc.sql("UPDATE blobs SET created_at = ? WHERE id = ?")
			.params(Instant.now().minus(Duration.ofDays(1)).toEpochMilli(), blob.toString())
			.update();
	}

	private int claimed(UUID blob) {
		return jdbc.sql("SELECT claimed FROM blobs WHERE id = ?").param(blob.toString()).query(Integer.class).single();
	}

}
