package dev.ferry.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.ferry.ops.DataDirectory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where pruned audit records go: {@code FERRY_AUDIT_ARCHIVE_DIR}, by default
 * {@code <data dir>/audit-archive}. In a cluster the prune runs on any node, and a node's
 * data directory may not outlive it (an {@code emptyDir}), so the setting names storage
 * every node shares and that is backed up.
 */
@Component
class AuditArchive {

	static final String DEFAULT_DIR = "audit-archive";

	private final Path dir;

	AuditArchive(DataDirectory dataDirectory, ArchiveSetting settings) {
		this.dir = (settings.archiveDir() != null) ? settings.archiveDir() : dataDirectory.path().resolve(DEFAULT_DIR);
	}

	/** The directory the archives are written to. */
	Path dir() {
		return dir;
	}

	/**
	 * Writes the archive {@code name} and syncs it to the disk before the caller deletes
	 * the rows: after a power cut the records exist in the archive or still in the table.
	 */
	void write(String name, DataDirectory.Content content) {
		Path target = dir.resolve(name);
		try {
			DataDirectory.writeDurably(target, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the audit archive " + target, ex);
		}
	}

	/** {@code FERRY_AUDIT_ARCHIVE_DIR}; empty for the data directory's. */
	@ConfigurationProperties("ferry.audit")
	record ArchiveSetting(Path archiveDir) {
	}

}
