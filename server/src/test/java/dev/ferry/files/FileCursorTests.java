package dev.ferry.files;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCursorTests {

	private final FileRecord file = new FileRecord(UUID.randomUUID(), UUID.randomUUID(), "/", "a|b.txt", "text/plain",
			null, 42, "0".repeat(64), UUID.randomUUID(), Instant.ofEpochMilli(1234), Instant.ofEpochMilli(1234));

	@Test
	void roundTripsEverySortKey() {
		for (FileQuery.Sort sort : FileQuery.Sort.values()) {
			FileCursor cursor = FileCursor.after(sort, true, file);
			assertThat(FileCursor.decode(cursor.encode(), sort, true)).isEqualTo(cursor);
		}
		assertThat(FileCursor
			.decode(FileCursor.after(FileQuery.Sort.NAME, false, file).encode(), FileQuery.Sort.NAME, false)
			.key()).isEqualTo("a|b.txt");
	}

	@Test
	void refusesForeignOrBrokenCursors() {
		String cursor = FileCursor.after(FileQuery.Sort.SIZE, false, file).encode();
		assertThatThrownBy(() -> FileCursor.decode(cursor, FileQuery.Sort.NAME, false))
			.hasMessageContaining("another sort order");
		assertThatThrownBy(() -> FileCursor.decode(cursor, FileQuery.Sort.SIZE, true))
			.hasMessageContaining("another sort order");
		assertThatThrownBy(() -> FileCursor.decode("!!!", FileQuery.Sort.SIZE, false))
			.isInstanceOf(FileException.class);
		assertThatThrownBy(() -> FileCursor.decode("bm9wZQ", FileQuery.Sort.SIZE, false))
			.isInstanceOf(FileException.class);
	}

}
