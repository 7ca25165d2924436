package dev.ferry.upload;

import java.util.function.Supplier;

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
			return discardedIfRefused(upload, () -> completion.complete(uploader.user(), upload, started.now()));
		}
		if (chunk == null) {
			return upload;
		}
		return discardedIfRefused(upload, () -> appender.append(uploader.user(), upload, chunk));
	}

	/**
	 * A refusal answers the creating request, so the client never learns the upload's URL
	 * and nothing could resume it: its row, blob and quota go at once.
	 */
	private Upload discardedIfRefused(Upload upload, Supplier<Upload> step) {
		try {
			return step.get();
		}
		catch (ProblemException ex) {
			removal.discard(upload);
			throw ex;
		}
	}

}
