package dev.ferry.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ferry's groups (the ones files and transfers are granted to) for a directory that
 * manages them from outside, such as SCIM provisioning. Implemented by
 * {@code share.grant}, which owns groups; every change is audited there with
 * {@code source} naming who made it. Bad names and taken names are
 * {@link ShareException}s (400, 409).
 */
public interface GroupDirectory {

	DirectoryGroup create(String name, String source);

	Optional<DirectoryGroup> find(UUID id);

	Optional<DirectoryGroup> findNamed(String name);

	/** All groups, ordered by name. */
	List<DirectoryGroup> all();

	DirectoryGroup rename(UUID id, String name, String source);

	void delete(UUID id, String source);

	/** Adds accounts; ids already in the group are left alone. */
	void addMembers(UUID id, List<UUID> userIds, String source);

	/** Removes accounts; ids not in the group are left alone. */
	void removeMembers(UUID id, List<UUID> userIds, String source);

	/** A group with its members' account ids, oldest membership first. */
	record DirectoryGroup(UUID id, String name, Instant createdAt, List<UUID> members) {
	}

}
