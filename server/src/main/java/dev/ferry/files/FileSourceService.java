package dev.ferry.files;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.storage.BlobStorage;

import org.springframework.stereotype.Service;

/**
 * {@link FileSources} over the files and trash tables, the blob store and the download
 * checks.
 */
@Service
class FileSourceService implements FileSources {

	private final FileRepository files;

	private final BlobStorage storage;

	private final FileService service;

	private final FileAvailability availability;

	private final AccessPolicy access;

	private final TrashRepository trash;

	FileSourceService(FileRepository files, BlobStorage storage, FileService service, FileAvailability availability,
			AccessPolicy access, TrashRepository trash) {
		this.access = access;
		this.trash = trash;
		this.files = files;
		this.storage = storage;
		this.service = service;
		this.availability = availability;
	}

	@Override
	public Optional<Source> find(UUID ownerId, UUID fileId) {
		return files.findOwned(fileId, ownerId).map(FileSourceService::source);
	}

	@Override
	public boolean kept(UUID ownerId, UUID fileId) {
		return files.findOwned(fileId, ownerId).isPresent() || trash.find(fileId, ownerId).isPresent();
	}

	@Override
	public InputStream open(Source source) {
		FileRecord file = files.findOwned(source.fileId(), source.ownerId()).orElseThrow(FileException::notFound);
		return storage.openRange(file.blobId(), 0, file.size());
	}

	@Override
	public Source readable(CurrentUser user, String id, String action) {
		access.requireScope(user, Scope.READ, action);
		FileRecord file = service.find(user, id, action);
		availability.require(file, true, action);
		return source(file);
	}

	private static Source source(FileRecord file) {
		return new Source(file.id(), file.ownerId(), file.name(), file.contentType(), file.size(), file.sha256(),
				file.scan().status());
	}

}
