package dev.ferry.files;

/** A file as the API shows it; times are ISO-8601 UTC. */
record FileView(String id, String name, String folder, String path, String contentType, long size, String sha256,
		String createdAt, String modifiedAt) {

	static FileView of(FileRecord file) {
		return new FileView(file.id().toString(), file.name(), file.folder(), file.path(), file.contentType(),
				file.size(), file.sha256(), file.createdAt().toString(), file.modifiedAt().toString());
	}

}
