package dev.ferry.sftp;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.ferry.files.FileTree;

/**
 * What SFTP clients see of a file or folder: its size and time, owned by the signed-in
 * account, readable and writable only by it (the modes say nothing more; Ferry checks
 * access itself).
 */
record FerryAttributes(boolean folder, long size, Instant modified) implements PosixFileAttributes {

	private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");

	private static final Principal OWNER = new Principal("ferry");

	static FerryAttributes ofFolder(Instant modified) {
		return new FerryAttributes(true, 0, modified);
	}

	/**
	 * The attributes of the file or folder at {@code path}, from its listing when it came
	 * from one; null when there is none.
	 */
	static FerryAttributes lookUp(FileTree tree, FerryPath path) throws IOException {
		if (path.known() != null) {
			FileTree.Entry entry = path.known();
			return entry.folder() ? ofFolder(entry.modifiedAt())
					: new FerryAttributes(false, entry.size(), entry.modifiedAt());
		}
		FerryFileSystem fs = path.getFileSystem();
		String name = path.ferryPath();
		if (name.equals("/")) {
			return ofFolder(Instant.EPOCH);
		}
		FileTree.Entry file = tree.file(fs.owner(), name).orElse(null);
		if (file != null) {
			return new FerryAttributes(false, file.size(), file.modifiedAt());
		}
		return tree.folderExists(fs.owner(), name) ? ofFolder(Instant.EPOCH) : null;
	}

	/** The attributes of {@code view} ({@code basic} or {@code posix}) by name. */
	Map<String, Object> asMap(String view) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("lastModifiedTime", lastModifiedTime());
		map.put("lastAccessTime", lastAccessTime());
		map.put("creationTime", creationTime());
		map.put("size", size);
		map.put("isRegularFile", !folder);
		map.put("isDirectory", folder);
		map.put("isSymbolicLink", false);
		map.put("isOther", false);
		map.put("fileKey", null);
		if ("posix".equals(view)) {
			map.put("permissions", permissions());
			map.put("owner", owner());
			map.put("group", group());
		}
		return map;
	}

	@Override
	public FileTime lastModifiedTime() {
		return FileTime.from((modified != null) ? modified : Instant.EPOCH);
	}

	@Override
	public FileTime lastAccessTime() {
		return lastModifiedTime();
	}

	@Override
	public FileTime creationTime() {
		return lastModifiedTime();
	}

	@Override
	public boolean isRegularFile() {
		return !folder;
	}

	@Override
	public boolean isDirectory() {
		return folder;
	}

	@Override
	public boolean isSymbolicLink() {
		return false;
	}

	@Override
	public boolean isOther() {
		return false;
	}

	@Override
	public Object fileKey() {
		return null;
	}

	@Override
	public UserPrincipal owner() {
		return OWNER;
	}

	@Override
	public GroupPrincipal group() {
		return OWNER;
	}

	@Override
	public Set<PosixFilePermission> permissions() {
		return folder ? FOLDER_MODE : FILE_MODE;
	}

	private record Principal(String getName) implements GroupPrincipal {
	}

}
