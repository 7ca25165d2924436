package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog.StoredFile;

/**
 * The caller's files as a tree of paths, for protocols that think in paths rather than
 * ids (SFTP). A folder exists while a file lies at or below it, or once made empty (the
 * web UI's "New folder"), until removed. Every method checks the caller's scopes and
 * touches only the caller's own files; uploads go through the same pipeline as HTTP's
 * plain uploads (quota, encryption, type detection, audit).
 */
public interface FileTree {

	/** Most files, and most folders, one listing returns. */
	int MAX_ENTRIES = 10_000;

	/**
	 * The files directly in {@code folder} and the names of the folders below it; an
	 * {@link IOException} when there are more than {@link #MAX_ENTRIES} of either: a
	 * listing cut short would tell a sync tool the rest is gone.
	 */
	List<Entry> list(CurrentUser owner, String folder) throws IOException;

	/** The file at {@code path} ({@code /docs/a.pdf}), if any. */
	Optional<Entry> file(CurrentUser owner, String path);

	/**
	 * Whether a file lies in {@code folder} or below it, or it or a folder below it was
	 * made empty; the root always exists.
	 */
	boolean folderExists(CurrentUser owner, String folder);

	/**
	 * The plaintext of {@code file} as it was listed, from {@code offset} to its end,
	 * streamed; audited as a download on {@code channel}. An {@link IOException} when the
	 * file has changed since (a new version): a download resumed across the change would
	 * mix two contents.
	 */
	InputStream read(CurrentUser owner, Entry file, long offset, String channel) throws IOException;

	/**
	 * Stores {@code body} at {@code path}, audited as an upload on {@code channel}; a
	 * file there gets it as its new version (the one before is kept as an older version)
	 * only once it is complete.
	 */
	StoredFile write(CurrentUser owner, String path, InputStream body, String channel);

	/** Moves or renames a file to {@code path}; a taken path is refused. */
	void move(CurrentUser owner, UUID fileId, String path);

	void delete(CurrentUser owner, UUID fileId);

	/**
	 * Makes an empty folder, kept until {@link #removeFolder}; a folder that exists is
	 * left as it is. {@link java.nio.file.FileAlreadyExistsException} when a file has the
	 * path, an {@link IOException} naming the rule when the path is not a valid folder.
	 */
	void makeFolder(CurrentUser owner, String path, String channel) throws IOException;

	/**
	 * Removes a folder that holds nothing, audited on {@code channel}:
	 * {@link java.nio.file.DirectoryNotEmptyException} when a file or a folder lies below
	 * it, {@link java.nio.file.NoSuchFileException} when there is no such empty folder.
	 */
	void removeFolder(CurrentUser owner, String path, String channel) throws IOException;

	/**
	 * Renames a folder that holds no file, with the empty folders below it, audited on
	 * {@code channel}: {@link java.nio.file.DirectoryNotEmptyException} when a file lies
	 * in or below it, {@link java.nio.file.FileAlreadyExistsException} when something has
	 * the new path, {@link java.nio.file.NoSuchFileException} when there is no such
	 * folder, an {@link IOException} naming the rule for a move into itself or the root.
	 */
	void moveFolder(CurrentUser owner, String from, String to, String channel) throws IOException;

	/** A file ({@code fileId} set) or a folder. */
	record Entry(String name, UUID fileId, long size, Instant modifiedAt) {

		public boolean folder() {
			return fileId == null;
		}

	}

}
