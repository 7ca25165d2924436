package dev.ferry.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The regular files under a directory with their attributes, depth first and lazily,
 * without following links. Unlike {@link Files#walk}, a file or directory that goes while
 * it is walked is skipped: Files.walk fails when a directory it has listed is deleted
 * before it opens it, and the local store prunes empty directories whenever an object
 * goes, also while a cleanup lists.
 */
final class FileTree {

	private FileTree() {
	}

	/** A regular file and its attributes, read as the walk reached it. */
	record RegularFile(Path path, BasicFileAttributes attributes) {
	}

	/** The stream holds open directories: close it. */
	static Stream<RegularFile> files(Path start) throws IOException {
		Walker walker = new Walker();
		try {
			walker.enter(start);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(walker, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(walker::close);
	}

	private static final class Walker implements Iterator<RegularFile>, Closeable {

		private final Deque<DirectoryStream<Path>> open = new ArrayDeque<>();

		private final Deque<Iterator<Path>> entries = new ArrayDeque<>();

		private RegularFile next;

		@Override
		public boolean hasNext() {
			while (next == null && !entries.isEmpty()) {
				Path entry = nextEntry();
				BasicFileAttributes attributes = (entry != null) ? attributes(entry) : null;
				if (attributes == null) {
					continue;
				}
				if (attributes.isDirectory()) {
					enter(entry);
				}
				else if (attributes.isRegularFile()) {
					next = new RegularFile(entry, attributes);
				}
			}
			return next != null;
		}

		@Override
		public RegularFile next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			RegularFile file = next;
			next = null;
			return file;
		}

		@Override
		public void close() {
			UncheckedIOException failed = null;
			while (!open.isEmpty()) {
				try {
					leave();
				}
				catch (UncheckedIOException ex) {
					if (failed == null) {
						failed = ex;
					}
					else {
						failed.addSuppressed(ex);
					}
				}
			}
			if (failed != null) {
				throw failed;
			}
		}

		void enter(Path dir) {
			try {
				DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
				open.push(stream);
				entries.push(stream.iterator());
			}
			catch (NoSuchFileException gone) {
				// Deleted since its parent was listed: nothing under it to walk.
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The next entry of the innermost open directory, or null after leaving it. */
		private Path nextEntry() {
			try {
				if (entries.peek().hasNext()) {
					return entries.peek().next();
				}
			}
			catch (DirectoryIteratorException ex) {
				if (!(ex.getCause() instanceof NoSuchFileException)) {
					throw new UncheckedIOException(ex.getCause());
				}
			}
			leave();
			return null;
		}

		private void leave() {
			entries.pop();
			try {
				open.pop().close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static BasicFileAttributes attributes(Path entry) {
			try {
				return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			catch (NoSuchFileException gone) {
				return null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
