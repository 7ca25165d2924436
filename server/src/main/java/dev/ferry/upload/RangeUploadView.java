package dev.ferry.upload;

/**
 * A chunked upload as {@code /api/v1/files/upload} shows it: {@code offset} bytes of
 * {@code length} arrived; once {@code complete}, {@code id} is also the file's id and
 * {@code sha256} its digest.
 */
record RangeUploadView(String id, String path, long offset, Long length, boolean complete, String sha256,
		String expiresAt) {

	static RangeUploadView of(Upload upload) {
		String folder = upload.placement().folder();
		String path = (folder.endsWith("/") ? folder : folder + "/") + upload.placement().name();
		return new RangeUploadView(upload.id().toString(), path, upload.offset(), upload.length(), upload.isCompleted(),
				upload.sha256(), upload.isCompleted() ? null : upload.expiresAt().toString());
	}

}
