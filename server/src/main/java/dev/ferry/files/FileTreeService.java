package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.storage.BlobStorage;

import org.springframework.stereotype.Service;

/**
 * {@link FileTree} over the files table and the blob store; changes go to
 * {@link TreeChanges}.
 */
@Service
class FileTreeService implements FileTree {

	private final FileRepository files;

	private final FileService service;

	private final TreeChanges changes;

	private final BlobStorage storage;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final FileAvailability availability;

	FileTreeService(FileRepository files, FileService service, TreeChanges changes, BlobStorage storage,
			AccessPolicy access, AuditLog audit, FileAvailability availability) {
		this.availability = availability;
		this.files = files;
		this.service = service;
		this.changes = changes;
		this.storage = storage;
		this.access = access;
		this.audit = audit;
	}

	@Override
	public List<Entry> list(CurrentUser owner, String folder) throws IOException {
		access.requireScope(owner, Scope.READ, "file.listed");
		String normalized = FilePaths.folder(folder);
		List<Entry> entries = new ArrayList<>();
		TreeSet<String> children = new TreeSet<>();
		List<String> folders = files.childFolders(owner.userId(), normalized, MAX_ENTRIES + 1);
		List<FileRecord> inFolder = files.inFolder(owner.userId(), normalized, MAX_ENTRIES + 1);
		if (folders.size() > MAX_ENTRIES || inFolder.size() > MAX_ENTRIES) {
			audit.record(AuditEvent.failure("file.listed").detail("folder", normalized).detail("reason", "too_many"));
			throw new IOException(normalized + " holds more than " + MAX_ENTRIES
					+ " files or folders, more than one listing gives; move some into subfolders.");
		}
		for (String child : folders) {
			children.add(child.substring(child.lastIndexOf('/') + 1));
		}
		children.forEach((name) -> entries.add(new Entry(name, null, 0, null)));
		for (FileRecord file : inFolder) {
			entries.add(entry(file));
		}
		audit.record(AuditEvent.success("file.listed").detail("folder", normalized).detail("count", entries.size()));
		return entries;
	}

	@Override
	public Optional<Entry> file(CurrentUser owner, String path) {
		access.requireScope(owner, Scope.READ, "file.read");
		Placement placement = FilePaths.split(path);
		return files.findByPath(owner.userId(), placement.folder(), placement.name()).map(FileTreeService::entry);
	}

	@Override
	public boolean folderExists(CurrentUser owner, String folder) {
		access.requireScope(owner, Scope.READ, "file.read");
		String normalized = FilePaths.folder(folder);
		return normalized.equals(FilePaths.ROOT) || files.folderExists(owner.userId(), normalized);
	}

	@Override
	public InputStream read(CurrentUser owner, Entry listed, long offset, String channel) throws IOException {
		FileRecord file = service.forDownload(owner, listed.fileId().toString());
		if (file.size() != listed.size() || !file.modifiedAt().equals(listed.modifiedAt())) {
			throw new IOException(file.path() + " changed while it was being read; read it again from the start.");
		}
		availability.require(file, true, "file.download");
		long start = Math.min(Math.max(offset, 0), file.size());
		audit.record(AuditEvent.success("file.download")
			.object("file", file.id())
			.detail("channel", channel)
			.detail("offset", start));
		return storage.openRange(file.blobId(), start, file.size());
	}

	@Override
	public StoredFile write(CurrentUser owner, String path, InputStream body, String channel) {
		return changes.write(owner, path, body, channel);
	}

	@Override
	public void move(CurrentUser owner, UUID fileId, String path) {
		changes.move(owner, fileId, path);
	}

	@Override
	public void delete(CurrentUser owner, UUID fileId) {
		changes.delete(owner, fileId);
	}

	@Override
	public void makeFolder(CurrentUser owner, String path, String channel) throws IOException {
		changes.makeFolder(owner, path, channel);
	}

	@Override
	public void removeFolder(CurrentUser owner, String path, String channel) throws IOException {
		changes.removeFolder(owner, path, channel);
	}

	@Override
	public void moveFolder(CurrentUser owner, String from, String to, String channel) throws IOException {
		changes.moveFolder(owner, from, to, channel);
	}

	private static Entry entry(FileRecord file) {
		return new Entry(file.name(), file.id(), file.size(), file.modifiedAt());
	}

}
