package dev.ferry.sftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.ferry.files.FileTree;

/**
 * A folder's entries for SFTP: what the files module lists, each entry's path carrying
 * its attributes.
 */
final class FolderListing implements DirectoryStream<Path> {

	private final List<Path> entries;

	private FolderListing(List<Path> entries) {
		this.entries = entries;
	}

	static FolderListing of(FileTree tree, FerryPath folder, DirectoryStream.Filter<? super Path> filter)
			throws IOException {
		FerryFileSystem fs = folder.getFileSystem();
		List<Path> accepted = new ArrayList<>();
		for (FileTree.Entry entry : tree.list(fs.owner(), folder.ferryPath())) {
			Path child = folder.resolve(entry.name()).withEntry(entry);
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
