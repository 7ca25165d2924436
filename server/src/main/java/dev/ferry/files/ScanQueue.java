package dev.ferry.files;

import java.util.UUID;

import dev.ferry.jobs.Jobs;

import org.springframework.stereotype.Component;

/**
 * Queues the {@link FileScans#JOB} execution for content that arrives pending, in the
 * transaction that writes it, so the scan is queued exactly when the content commits. The
 * repositories that write pending content call it, since every path that brings content
 * (upload, version, restore) goes through one of them.
 */
@Component
class ScanQueue {

	private final Jobs jobs;

	ScanQueue(Jobs jobs) {
		this.jobs = jobs;
	}

	void queue(UUID fileId, UUID blobId) {
		jobs.enqueue(FileScans.JOB, FileScans.jobId(fileId, blobId));
	}

}
