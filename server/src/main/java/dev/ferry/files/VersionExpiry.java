package dev.ferry.files;

import java.time.Instant;
import java.util.List;

import dev.ferry.files.VersionRepository.Version;

import org.springframework.stereotype.Component;

@Component
class VersionExpiry implements AgedVersions {

	private static final int BATCH = 200;

	private final VersionRepository versions;

	private final VersionStore store;

	VersionExpiry(VersionRepository versions, VersionStore store) {
		this.versions = versions;
		this.store = store;
	}

	@Override
	public long countReplacedBefore(Instant cutoff) {
		return versions.countReplacedBefore(cutoff);
	}

	@Override
	public long shredReplacedBefore(Instant cutoff) {
		long count = 0;
		for (List<Version> batch = versions.replacedBefore(cutoff, BATCH); !batch.isEmpty(); batch = versions
			.replacedBefore(cutoff, BATCH)) {
			for (Version version : batch) {
				if (store.drop(version, "retention")) {
					count++;
				}
			}
		}
		return count;
	}

}
