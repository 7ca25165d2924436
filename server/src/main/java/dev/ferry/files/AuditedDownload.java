package dev.ferry.files;

import java.util.function.Consumer;

import dev.ferry.files.FileContent.DownloadHooks;

/**
 * Hooks of an owner's download that hand what was served (the range asked for, the bytes
 * that went out) to the caller's audit record once the body ended.
 */
final class AuditedDownload implements DownloadHooks {

	private final Consumer<FileService.Download> record;

	private String range = "full";

	AuditedDownload(Consumer<FileService.Download> record) {
		this.record = record;
	}

	@Override
	public void beforeBody(long start, long endExclusive, boolean partial) {
		range = partial ? "bytes=" + start + "-" + (endExclusive - 1) : "full";
	}

	@Override
	public void afterBody(long bytesServed, boolean completed) {
		record.accept(new FileService.Download(range, bytesServed, completed));
	}

}
