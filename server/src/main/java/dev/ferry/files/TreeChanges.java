package dev.ferry.files;

import java.io.InputStream;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.files.FileCatalog.StoredFile;

import org.springframework.stereotype.Component;

/**
 * What {@link FileTree} changes, as the web UI would: an arrival at a taken path is the
 * file's next version, a deletion goes to the trash (when it is on), so a client's
 * {@code rm} or rename over a file can be undone like a click in the UI.
 */
@Component
class TreeChanges {

	private final FileService service;

	private final PlainUploads uploads;

	private final TrashService trash;

	TreeChanges(FileService service, PlainUploads uploads, TrashService trash) {
		this.service = service;
		this.uploads = uploads;
		this.trash = trash;
	}

	StoredFile write(CurrentUser owner, String path, InputStream body) {
		Placement placement = service.checkPath(owner, path);
		return uploads.store(owner, placement, null, body, -1, FileCatalog.Conflict.VERSION, true).stored();
	}

	void move(CurrentUser owner, UUID fileId, String path) {
		Placement target = FilePaths.split(path);
		service.move(owner, fileId.toString(), target.folder(), target.name());
	}

	void delete(CurrentUser owner, UUID fileId) {
		trash.delete(owner, fileId.toString(), false);
	}

}
