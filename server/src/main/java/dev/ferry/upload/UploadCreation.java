package dev.ferry.upload;

import org.springframework.stereotype.Service;

/** Creates a tus upload, with its first bytes when the request carries them. */
@Service
class UploadCreation {

	private final UploadStarter starter;

	private final UploadCompletion completion;

	private final UploadAppender appender;

	private final UploadRemoval removal;

	UploadCreation(UploadStarter starter, UploadCompletion completion, UploadAppender appender, UploadRemoval removal) {
		this.starter = starter;
		this.completion = completion;
		this.appender = appender;
		this.removal = removal;
	}

	Upload create(Uploader uploader, Long length, UploadMetadata metadata, ChunkWriter.Chunk chunk) {
		if (length != null && length == 0 && chunk != null && chunk.declaredLength() > 0) {
			// An empty upload is complete at once and would take none of these bytes.
			throw UploadException.beyondLength(0);
		}
		UploadStarter.Started started = starter.start(uploader, length, metadata);
		Upload upload = started.upload();
		// Only this request's answer would tell the client the URL; a refusal does not.
		if (upload.isFull()) {
			return removal.discardedIfRefused(upload,
					() -> completion.complete(uploader.user(), upload, started.now()));
		}
		if (chunk == null) {
			return upload;
		}
		return removal.discardedIfRefused(upload, () -> appender.append(uploader.user(), upload, chunk));
	}

}
