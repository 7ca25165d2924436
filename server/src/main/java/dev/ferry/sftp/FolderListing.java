package dev.ferry.sftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.ferry.files.FileTree;

/**
 * A folder's entries for SFTP: what the files module lists, plus the empty folders the
 * account made in it. Each entry's path carries its attributes.
 */
final class FolderListing implements DirectoryStream<Path> {

	private final List<Path> entries;

	private FolderListing(List<Path> entries) {
		this.entries = entries;
	}

	static FolderListing of(FileTree tree, FerryPath folder, DirectoryStream.Filter<? super Path> filter)
			throws IOException {
		FerryFileSystem fs = folder.getFileSystem();
		List<FerryPath> children = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (FileTree.Entry entry : tree.list(fs.owner(), folder.ferryPath())) {
			seen.add(entry.name());
			children.add(folder.resolve(entry.name()).withEntry(entry));
		}
		String prefix = folder.ferryPath().equals("/") ? "/" : folder.ferryPath() + "/";
		for (String made : fs.newFolders()) {
			String rest = made.startsWith(prefix) ? made.substring(prefix.length()) : "";
			if (!rest.isEmpty() && rest.indexOf('/') < 0 && seen.add(rest)) {
				children.add(folder.resolve(rest).withEntry(new FileTree.Entry(rest, null, 0, null)));
			}
		}
		List<Path> accepted = new ArrayList<>();
		for (Path child : children) {
			if (filter == null || filter.accept(child)) {
				accepted.add(child);
			}
		}
		return new FolderListing(accepted);
	}

	@Override
	public Iterator<Path> iterator() {
		return entries.iterator();
	}

	@Override
	public void close() {
	}

}
