package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.files.FileCatalog.StoredFile;

import org.springframework.stereotype.Component;

/**
 * What {@link FileTree} changes, as the web UI would: an arrival at a taken path is the
 * file's next version, a deletion goes to the trash (when it is on), so a client's
 * {@code rm} or rename over a file can be undone like a click in the UI, and a folder
 * made empty is the web UI's "New folder".
 */
@Component
class TreeChanges {

	private final FileService service;

	private final PlainUploads uploads;

	private final TrashService trash;

	private final FolderService folders;

	private final FolderMoves moves;

	TreeChanges(FileService service, PlainUploads uploads, TrashService trash, FolderService folders,
			FolderMoves moves) {
		this.service = service;
		this.uploads = uploads;
		this.trash = trash;
		this.folders = folders;
		this.moves = moves;
	}

	StoredFile write(CurrentUser owner, String path, InputStream body, String channel) {
		Placement placement = service.checkPath(owner, path);
		return uploads.store(owner, channel, placement, null, body, -1, FileCatalog.Conflict.VERSION, true).stored();
	}

	void move(CurrentUser owner, UUID fileId, String path) {
		Placement target = FilePaths.split(path);
		service.move(owner, fileId.toString(), target.folder(), target.name());
	}

	void delete(CurrentUser owner, UUID fileId) {
		trash.delete(owner, fileId.toString(), false);
	}

	void makeFolder(CurrentUser owner, String path, String channel) throws IOException {
		try {
			folders.ensure(owner, path, channel);
		}
		catch (FileException refused) {
			String reason = refused.getBody().getDetail();
			throw (refused.getStatusCode().value() == 409) ? new FileAlreadyExistsException(path, null, reason)
					: new IOException(reason);
		}
	}

	void removeFolder(CurrentUser owner, String path, String channel) throws IOException {
		require(folders.remove(owner, path, channel), path, path);
	}

	void moveFolder(CurrentUser owner, String from, String to, String channel) throws IOException {
		try {
			require(moves.rename(owner, from, to, channel), from, to);
		}
		catch (FileException refused) {
			throw new IOException(refused.getBody().getDetail());
		}
	}

	private static void require(FolderChange change, String path, String target) throws IOException {
		switch (change) {
			case NOT_EMPTY -> throw new DirectoryNotEmptyException(path);
			case NOT_FOUND -> throw new NoSuchFileException(path);
			case TAKEN -> throw new FileAlreadyExistsException(target);
			case DONE -> {
			}
		}
	}

}
