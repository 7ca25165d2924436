package dev.ferry.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ferry.storage.BlobReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Destroys blobs that a crash left without the row that was to refer to them (a plain
 * upload's content, a copy, an export, a preview). A blob starts unclaimed; once it is
 * older than {@code unclaimedAfter}, every {@link BlobReferences} is asked about it: a
 * blob some row refers to is claimed for good, one nobody refers to is noted, and
 * destroyed when it is still unreferenced at least {@link #RECHECK} later. The second
 * look keeps a row that was moving between two modules' tables during the first (an
 * upload becoming a file) from passing for none.
 */
@Component
class UnclaimedBlobs {

	private static final Logger log = LoggerFactory.getLogger(UnclaimedBlobs.class);

	static final Duration RECHECK = Duration.ofMinutes(10);

	private static final int BATCH = 100;

	private final BlobRepository blobs;

	private final List<BlobReferences> owners;

	UnclaimedBlobs(BlobRepository blobs, List<BlobReferences> owners) {
		this.blobs = blobs;
		this.owners = owners;
	}

	/**
	 * Looks at the unclaimed blobs created before {@code createdBefore} and shreds (data
	 * key only: {@link BlobCleanup} purges the bytes) those found unreferenced at least
	 * {@link #RECHECK} before {@code now}; returns how many.
	 */
	int sweep(Instant createdBefore, Instant now) {
		long recheckedBefore = now.minus(RECHECK).toEpochMilli();
		int shredded = 0;
		String after = "";
		for (List<BlobRepository.Unclaimed> batch = blobs.unclaimed(createdBefore.toEpochMilli(), after, BATCH); !batch
			.isEmpty(); batch = blobs.unclaimed(createdBefore.toEpochMilli(), after, BATCH)) {
			Set<UUID> referenced = referenced(batch);
			if (!referenced.isEmpty()) {
				blobs.claim(referenced);
			}
			for (BlobRepository.Unclaimed blob : batch) {
				if (referenced.contains(blob.id())) {
					continue;
				}
				if (blob.unreferencedAt() == null) {
					blobs.markUnreferenced(blob.id(), now.toEpochMilli());
				}
				else if (blob.unreferencedAt() <= recheckedBefore && blobs.shredUnclaimed(blob, now.toEpochMilli())) {
					log.info("Destroyed blob {}: no row has referred to it since it was written (a crash's leftover)",
							blob.id());
					shredded++;
				}
			}
			after = batch.get(batch.size() - 1).id().toString();
		}
		return shredded;
	}

	private Set<UUID> referenced(List<BlobRepository.Unclaimed> batch) {
		List<UUID> ids = batch.stream().map(BlobRepository.Unclaimed::id).toList();
		Set<UUID> referenced = new HashSet<>();
		for (BlobReferences owner : owners) {
			referenced.addAll(owner.referencedAmong(ids));
		}
		return referenced;
	}

}
