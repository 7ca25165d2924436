package dev.ferry.sftp;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.util.List;

import dev.ferry.files.FileTree;
import org.apache.sshd.common.file.util.BasePath;

/**
 * A path in one account's tree. Paths a listing returns carry what the listing already
 * knew, so the attributes of each entry cost no second lookup.
 */
final class FerryPath extends BasePath<FerryPath, FerryFileSystem> {

	private final FileTree.Entry known;

	FerryPath(FerryFileSystem fileSystem, String root, List<String> names) {
		this(fileSystem, root, names, null);
	}

	private FerryPath(FerryFileSystem fileSystem, String root, List<String> names, FileTree.Entry known) {
		super(fileSystem, root, names);
		this.known = known;
	}

	FerryPath withEntry(FileTree.Entry entry) {
		return new FerryPath(getFileSystem(), root, names, entry);
	}

	FileTree.Entry known() {
		return known;
	}

	/** The absolute, normalised path as the files module names it ({@code /docs/a}). */
	String ferryPath() {
		return "/" + String.join("/", toAbsolutePath().normalize().names);
	}

	@Override
	public FerryPath toRealPath(LinkOption... options) throws IOException {
		FerryPath absolute = toAbsolutePath().normalize();
		getFileSystem().provider().checkAccess(absolute);
		return absolute;
	}

}
