package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileTreeTests {

	@TempDir
	Path root;

	@Test
	void listsTheRegularFilesAtEveryDepth() throws IOException {
		Path top = write("top");
		Path deep = write("a/b/c/deep");
		Files.createDirectories(root.resolve("empty/dir"));
		Files.createSymbolicLink(root.resolve("link"), top);

		try (Stream<Path> files = FileTree.files(root).map(FileTree.RegularFile::path)) {
			assertThat(files).containsExactlyInAnyOrder(top, deep);
		}
	}

	@Test
	void aMissingStartIsEmpty() throws IOException {
		try (Stream<Path> files = FileTree.files(root.resolve("gone")).map(FileTree.RegularFile::path)) {
			assertThat(files).isEmpty();
		}
	}

	/**
	 * What the local store's pruning of empty directories does to a concurrent listing.
	 */
	@Test
	void directoriesDeletedWhileWalkedAreSkipped() throws IOException {
		List<Path> all = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			all.add(write("d" + i + "/sub/file"));
		}
		List<Path> seen = new ArrayList<>();
		Path first;
		try (Stream<Path> files = FileTree.files(root).map(FileTree.RegularFile::path)) {
			Iterator<Path> walk = files.iterator();
			first = walk.next();
			seen.add(first);
			for (Path file : all) {
				if (!file.equals(first)) {
					deleteTree(root.relativize(file).getName(0));
				}
			}
			walk.forEachRemaining(seen::add);
		}
		assertThat(seen).containsExactly(first);
	}

	private Path write(String relative) throws IOException {
		Path file = root.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, relative);
	}

	private void deleteTree(Path relative) throws IOException {
		try (Stream<Path> paths = Files.walk(root.resolve(relative))) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
