package dev.ferry.files;

/** What removing or renaming a folder over a path-based protocol did. */
enum FolderChange {

	DONE,

	/** A file lies at or below the folder (or, for a removal, a folder below it). */
	NOT_EMPTY,

	NOT_FOUND,

	/** A file or folder has the new path already. */
	TAKEN

}
