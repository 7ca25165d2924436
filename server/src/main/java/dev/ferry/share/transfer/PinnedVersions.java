package dev.ferry.share.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.share.ShareException;

/**
 * Reads a new transfer's {@code versions}: file id to the version number its links serve.
 * Every key must be one of the transfer's files; whether the version exists is the files
 * module's answer when it pins it.
 */
final class PinnedVersions {

	private PinnedVersions() {
	}

	static Map<UUID, Integer> of(List<UUID> fileIds, Map<String, Integer> versions) {
		if (versions == null || versions.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Integer> pinned = new HashMap<>();
		versions.forEach((key, version) -> {
			UUID id = Ids.parse(key);
			if (id == null || !fileIds.contains(id)) {
				throw ShareException
					.invalid("versions names '" + Owners.truncate(key) + "', which is not one of file_ids.");
			}
			if (version == null || version < 1) {
				throw ShareException.invalid("versions: the version of file " + key
						+ " must be a version number (1 or more); leave the file out to follow the latest.");
			}
			if (pinned.put(id, version) != null) {
				throw ShareException.invalid("versions names file " + id + " twice.");
			}
		});
		return pinned;
	}

}
