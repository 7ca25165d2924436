package dev.ferry.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ferry.testing.Databases;
import dev.ferry.testing.OverlappingTransactions;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository's SQL, run against each supported database by the vendor subclasses:
 * filters, keyset pagination in every sort order, conflicts and ownership.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FileRepositoryContract {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private Databases.Fresh db;

	private FileRepository files;

	private final List<String> scansQueued = new CopyOnWriteArrayList<>();

	private final ScanQueue scans = new ScanQueue((job, id) -> scansQueued.add(job + " " + id));

	abstract Databases.Vendor vendor();

	@BeforeAll
	void createDatabase() {
		db = Databases.migrated(vendor());
		files = new FileRepository(db.jdbc(), db.dialect(), scans);
	}

	@AfterAll
	void dropDatabase() {
		db.close();
	}

	@Test
	void insertRefusesATakenPathAndOnlyTheOwnerFindsTheFile() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		FileRecord a = file(owner, "/", "a.pdf", 10, 0);
		assertThat(files.insertIfFree(a)).isTrue();
		assertThat(files.insertIfFree(withId(file(owner, "/", "a.pdf", 5, 1)))).isFalse();
		assertThat(files.insertIfFree(file(TestAccounts.insertUser(db.jdbc()), "/", "a.pdf", 5, 1))).isTrue();
		assertThat(files.findOwned(a.id(), owner)).contains(a);
		assertThat(files.findOwned(a.id(), TestAccounts.insertUser(db.jdbc()))).isEmpty();
		assertThat(files.exists(owner, "/", "a.pdf")).isTrue();
		assertThat(files.exists(owner, "/", "A.pdf")).isFalse();
		assertThat(files.usedBytes(owner)).isEqualTo(10);
	}

	@Test
	void emptyFoldersAreFoundAtAndBelowAPathNotBesideItAndRemovedOneByOne() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		FolderRepository folders = new FolderRepository(db.jdbc(), db.dialect());
		for (String path : List.of("/Größe", "/Größe/ünter", "/Größe/ünter/tief", "/Größer", "/Größe2")) {
			assertThat(folders.insertIfAbsent(owner, path, T0)).isTrue();
		}
		folders.insertIfAbsent(TestAccounts.insertUser(db.jdbc()), "/Größe/other-owner", T0);

		assertThat(folders.atOrBelow(owner, "/Größe", 10)).containsExactly("/Größe", "/Größe/ünter",
				"/Größe/ünter/tief");
		assertThat(folders.atOrBelow(owner, "/Größe", 2)).hasSize(2);
		assertThat(folders.delete(owner, "/Größe/ünter")).isTrue();
		assertThat(folders.delete(owner, "/Größe/ünter")).isFalse();
		assertThat(folders.atOrBelow(owner, "/Größe", 10)).containsExactly("/Größe", "/Größe/ünter/tief");
	}

	@Test
	void emptyFoldersAndFoldersWithFilesAreListedOnceAndThePiiFlagsFollowTheContent() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		FileRecord a = insert(file(owner, "/p/full", "a.txt", 1, 0));
		FolderRepository folders = new FolderRepository(db.jdbc(), db.dialect());
		assertThat(folders.insertIfAbsent(owner, "/p/empty", T0)).isTrue();
		assertThat(folders.insertIfAbsent(owner, "/p/empty", T0)).isFalse();
		assertThat(folders.insertIfAbsent(owner, "/p/full", T0)).isTrue();
		assertThat(files.childFolders(owner, "/p", 10)).containsExactly("/p/empty", "/p/full");
		assertThat(files.folderExists(owner, "/p/empty")).isTrue();
		assertThat(files.folderExists(owner, "/p/none")).isFalse();

		FilePiiService pii = new FilePiiService(db.jdbc(), db.dialect());
		pii.flag(a.id(), a.sha256(), List.of("email", "iban"), T0);
		pii.flag(a.id(), "0".repeat(64), List.of("phone"), T0);
		assertThat(files.findOwned(a.id(), owner).orElseThrow().piiFlags()).containsExactly("email", "iban");
		assertThat(pii.flagged(List.of(a.id()))).containsEntry(a.id(), List.of("email", "iban"));
		folders.deleteOwnedBy(owner);
		assertThat(files.childFolders(owner, "/p", 10)).containsExactly("/p/full");
	}

	/**
	 * Deeper folders count once, as the child they are in: the limit bounds the children
	 * (it used to bound every folder below, so many deep ones hid later children).
	 */
	@Test
	void childFoldersAreTheFirstStepDownHoweverManyFoldersLieDeeper() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		for (int i = 0; i < 5; i++) {
			insert(file(owner, "/p/a/" + i, "f.txt", 1, 0));
		}
		insert(file(owner, "/p/été/ü/x", "f.txt", 1, 0));
		insert(file(owner, "/p", "direct.txt", 1, 0));
		new FolderRepository(db.jdbc(), db.dialect()).insertIfAbsent(owner, "/p/z/empty", T0);

		assertThat(files.childFolders(owner, "/p", 3)).containsExactlyInAnyOrder("/p/a", "/p/été", "/p/z");
		assertThat(files.childFolders(owner, "/p/été", 3)).containsExactly("/p/été/ü");
		assertThat(files.childFolders(owner, "/", 3)).containsExactly("/p");
		assertThat(files.childFolders(owner, "/p/a/0", 3)).isEmpty();
		assertThat(files.folderExists(owner, "/p/z")).isTrue();
	}

	/**
	 * What {@code FileContent.lock} promises a caller that decides about a file: one that
	 * locks it second waits for the first's transaction and then reads what the first
	 * wrote (here the first adds a folder as a new transfer would add the file, the
	 * second looks as an ended transfer's purge does), on every database.
	 */
	@Test
	void aSecondLockWaitsForTheFirstTransactionAndThenSeesWhatItWrote() throws Exception {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		FileRecord a = insert(file(owner, "/", "locked.txt", 1, 0));
		FolderRepository folders = new FolderRepository(db.jdbc(), db.dialect());

		OverlappingTransactions.Outcome<Boolean> race = OverlappingTransactions.run(db,
				OverlappingTransactions.manager(db),
				() -> files.lock(a.id(), owner, null) && folders.insertIfAbsent(owner, "/used", T0),
				() -> files.lock(a.id(), owner, null) && files.childFolders(owner, "/", 10).contains("/used"));

		assertThat(race.first()).isTrue();
		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("the second saw the first's committed row").isTrue();
	}

	@Test
	void moveIntoATakenPathViolatesTheConstraintAndDeleteIsOwnerAndContentOnly() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		FileRecord a = insert(file(owner, "/", "a.txt", 1, 0));
		insert(file(owner, "/x", "b.txt", 1, 0));
		assertThat(files.move(a.id(), owner, "/x", "c.txt", T0.plusSeconds(9))).isTrue();
		assertThat(files.findOwned(a.id(), owner).orElseThrow().path()).isEqualTo("/x/c.txt");
		assertThatThrownBy(() -> files.move(a.id(), owner, "/x", "b.txt", T0))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(files.delete(a.id(), TestAccounts.insertUser(db.jdbc()), a.blobId())).isFalse();
		assertThat(files.lock(a.id(), owner, a.blobId())).as("unchanged content, counted as matched").isTrue();
		assertThat(files.lock(a.id(), owner, UUID.randomUUID())).as("replaced content").isFalse();
		assertThat(files.lock(a.id(), TestAccounts.insertUser(db.jdbc()), a.blobId())).isFalse();
		assertThat(files.lock(a.id(), owner, null)).as("any content").isTrue();
		assertThat(files.lock(UUID.randomUUID(), owner, null)).isFalse();
		assertThat(files.delete(a.id(), owner, UUID.randomUUID())).as("content replaced since it was read").isFalse();
		assertThat(files.delete(a.id(), owner, a.blobId())).isTrue();
		assertThat(files.findOwned(a.id(), owner)).isEmpty();
	}

	@Test
	void filtersByNameTypeSizeTimeAndFolder() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		insert(file(owner, "/", "Ärger Report.PDF", 100, 0, "application/pdf"));
		insert(file(owner, "/docs", "photo_1.png", 2000, 10, "image/png"));
		insert(file(owner, "/docs/2026", "photo%2.jpg", 3000, 20, "image/jpeg"));
		insert(file(owner, "/docs2", "notes.txt", 50, 30, "text/plain"));
		insert(file(owner, "/Docs", "upper.txt", 60, 40, "text/plain"));
		assertThat(names(owner, query().name("ärger"))).containsExactly("Ärger Report.PDF");
		assertThat(names(owner, query().name("REPORT.pdf"))).containsExactly("Ärger Report.PDF");
		assertThat(names(owner, query().name("_"))).containsExactly("photo_1.png");
		assertThat(names(owner, query().name("%"))).containsExactly("photo%2.jpg");
		assertThat(names(owner, query().type("image/"))).containsExactly("photo%2.jpg", "photo_1.png");
		assertThat(names(owner, query().sizes(60L, 2000L))).containsExactly("photo_1.png", "upper.txt",
				"Ärger Report.PDF");
		assertThat(names(owner, query().created(T0.plusSeconds(10), T0.plusSeconds(30)))).containsExactly("photo%2.jpg",
				"photo_1.png");
		assertThat(names(owner, query().folder("/docs", false))).containsExactly("photo_1.png");
		assertThat(names(owner, query().folder("/docs", true))).containsExactly("photo%2.jpg", "photo_1.png");
		assertThat(names(owner, query().folder("/", false))).containsExactly("Ärger Report.PDF");
		assertThat(names(owner, query().folder("/", true))).hasSize(5);
	}

	@Test
	void everySortOrderPagesWithoutDuplicatesOrGapsWhileFilesAreAdded() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		List<FileRecord> all = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			all.add(insert(file(owner, "/", "f" + (i % 7) + "-" + i + ".bin", i % 4, i % 5)));
		}
		for (FileQuery.Sort sort : FileQuery.Sort.values()) {
			for (boolean descending : new boolean[] { false, true }) {
				Set<UUID> seen = new HashSet<>();
				List<Object> keys = new ArrayList<>();
				FileCursor cursor = null;
				do {
					List<FileRecord> page = files.search(owner,
							new Q().sort(sort, descending).after(cursor).limit(5).build());
					List<FileRecord> served = page.subList(0, Math.min(5, page.size()));
					served.forEach((f) -> assertThat(seen.add(f.id())).isTrue());
					served.forEach((f) -> keys.add(FileCursor.after(sort, descending, f).key()));
					cursor = (page.size() > 5) ? FileCursor.after(sort, descending, served.get(4)) : null;
					insert(file(owner, "/", "late-" + UUID.randomUUID() + ".bin", 9, 99));
				}
				while (cursor != null);
				assertThat(seen).containsAll(all.stream().map(FileRecord::id).toList());
				assertThat(keys).isSortedAccordingTo((a, b) -> compare(a, b) * (descending ? -1 : 1));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static int compare(Object a, Object b) {
		return ((Comparable<Object>) a).compareTo(b);
	}

	private List<String> names(UUID owner, Q query) {
		return files.search(owner, query.build()).stream().map(FileRecord::name).toList();
	}

	private FileRecord insert(FileRecord file) {
		assertThat(files.insertIfFree(file)).isTrue();
		return file;
	}

	@Test
	void versionsAndTheTrashMoveWholeRowsAndCountInTheQuota() {
		UUID owner = TestAccounts.insertUser(db.jdbc());
		VersionRepository versions = new VersionRepository(db.jdbc(), scans);
		TrashRepository trash = new TrashRepository(db.jdbc(), scans, db.dialect(), (event) -> {
		});
		FileRecord a = file(owner, "/v", "a.pdf", 10, 0);
		assertThat(files.insertIfFree(a)).isTrue();
		VersionRepository.Content next = new VersionRepository.Content(UUID.randomUUID(), "text/plain", null, 7,
				"cd".repeat(32));
		VersionRepository.Target target = new VersionRepository.Target(2, next, FileRecord.Scan.PENDING, T0, owner);
		assertThat(versions.point(a.id(), 1, a.blobId(), target, T0)).isTrue();
		assertThat(versions.point(a.id(), 1, a.blobId(), target, T0)).as("compare-and-set").isFalse();
		versions.insert(new VersionRepository.Version(UUID.randomUUID(), a.id(), owner, 1,
				VersionRepository.Content.of(a), a.scan(), a.createdAt(), T0, owner));
		assertThat(files.usedBytes(owner)).isEqualTo(17);
		assertThat(trash.moveIn(a.id(), owner, T0)).isTrue();
		assertThat(files.findOwned(a.id(), owner)).isEmpty();
		assertThat(files.usedBytes(owner)).as("the trash counts").isEqualTo(17);
		assertThat(files.insertIfFree(file(owner, "/v", "a.pdf", 1, 1))).isTrue();
		assertThat(trash.moveOut(a.id(), owner, "/v", "a.pdf")).as("the path is taken").isFalse();
		assertThat(trash.moveOut(a.id(), owner, "/v", "a (1).pdf")).isTrue();
		FileRecord back = files.findOwned(a.id(), owner).orElseThrow();
		assertThat(back.blobId()).isEqualTo(next.blobId());
		assertThat(back.scan()).isEqualTo(FileRecord.Scan.PENDING);
		String scan = "scan " + FileScans.jobId(a.id(), next.blobId());
		assertThat(scansQueued).filteredOn((queued) -> queued.contains(a.id().toString()))
			.as("pending content queues its scan, again when it comes back from the trash")
			.containsExactly(scan, scan);
		assertThat(versions.current(a.id()).version()).isEqualTo(2);
		assertThat(versions.older(a.id())).extracting(VersionRepository.Version::version).containsExactly(1);
		assertThat(trash.find(a.id(), owner)).isEmpty();
	}

	private static FileRecord file(UUID owner, String folder, String name, long size, int second) {
		return file(owner, folder, name, size, second, "application/octet-stream");
	}

	private static FileRecord file(UUID owner, String folder, String name, long size, int second, String type) {
		Instant at = T0.plusSeconds(second);
		return new FileRecord(UUID.randomUUID(), owner, folder, name, type, null, size, "ab".repeat(32),
				UUID.randomUUID(), at, at);
	}

	private static FileRecord withId(FileRecord file) {
		return new FileRecord(UUID.randomUUID(), file.ownerId(), file.folder(), file.name(), file.contentType(),
				file.declaredType(), file.size(), file.sha256(), file.blobId(), file.createdAt(), file.modifiedAt());
	}

	private static Q query() {
		return new Q();
	}

	/** A small builder so each test names only the filters it exercises. */
	private static final class Q {

		private String name;

		private String type;

		private Long min;

		private Long max;

		private Instant after;

		private Instant before;

		private String folder;

		private boolean recursive;

		private FileQuery.Sort sort = FileQuery.Sort.NAME;

		private boolean descending;

		private FileCursor cursor;

		private int limit = 100;

		Q name(String value) {
			this.name = value;
			return this;
		}

		Q type(String value) {
			this.type = value;
			return this;
		}

		Q sizes(Long min, Long max) {
			this.min = min;
			this.max = max;
			return this;
		}

		Q created(Instant after, Instant before) {
			this.after = after;
			this.before = before;
			return this;
		}

		Q folder(String folder, boolean recursive) {
			this.folder = folder;
			this.recursive = recursive;
			return this;
		}

		Q sort(FileQuery.Sort sort, boolean descending) {
			this.sort = sort;
			this.descending = descending;
			return this;
		}

		Q after(FileCursor cursor) {
			this.cursor = cursor;
			return this;
		}

		Q limit(int limit) {
			this.limit = limit;
			return this;
		}

		FileQuery build() {
			return new FileQuery(name, type, min, max, after, before, folder, recursive, sort, descending, cursor,
					limit);
		}

	}

}
