package dev.ferry.upload;

import dev.ferry.ProblemException;

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
		UploadStarter.Started started = starter.start(uploader, length, metadata);
		Upload upload = started.upload();
		if (upload.isFull()) {
			return completion.complete(uploader.user(), upload, started.now());
		}
		if (chunk == null) {
			return upload;
		}
		try {
			return appender.append(uploader.user(), upload, chunk);
		}
		catch (ProblemException ex) {
			// The client never learns this upload's URL, so nothing could resume it.
			removal.discard(upload);
			throw ex;
		}
	}

}
