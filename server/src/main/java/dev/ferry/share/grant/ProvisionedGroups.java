package dev.ferry.share.grant;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.GroupDirectory;
import dev.ferry.share.ShareException;
import dev.ferry.share.grant.GrantRepository.Group;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups managed by a directory: the same groups admins manage by hand, changed through
 * the same repository and audited with the same actions, the directory named as the
 * source.
 */
@Component
class ProvisionedGroups implements GroupDirectory {

	private final GrantRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	ProvisionedGroups(GrantRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(noRollbackFor = ShareException.class)
	public DirectoryGroup create(String name, String source) {
		String clean = freeName(name);
		UUID id = UUID.randomUUID();
		repository.createGroup(id, clean, clock.instant());
		audit.record(
				AuditEvent.success("group.created").object("group", id).detail("name", clean).detail("source", source));
		return find(id).orElseThrow();
	}

	@Override
	public Optional<DirectoryGroup> find(UUID id) {
		return repository.group(id).map(this::withMembers);
	}

	@Override
	public Optional<DirectoryGroup> findNamed(String name) {
		return repository.groupNamed(name.strip()).map(this::withMembers);
	}

	@Override
	public List<DirectoryGroup> all() {
		return repository.groups().stream().map(this::withMembers).toList();
	}

	@Override
	@Transactional(noRollbackFor = ShareException.class)
	public DirectoryGroup rename(UUID id, String name, String source) {
		Group group = group(id);
		if (!group.name().equals(name.strip())) {
			repository.renameGroup(id, freeName(name));
			audit.record(AuditEvent.success("group.renamed")
				.object("group", id)
				.detail("from", group.name())
				.detail("name", name.strip())
				.detail("source", source));
		}
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public void delete(UUID id, String source) {
		Group group = group(id);
		repository.deleteGroup(id);
		audit.record(AuditEvent.success("group.deleted")
			.object("group", id)
			.detail("name", group.name())
			.detail("source", source));
	}

	@Override
	@Transactional
	public void addMembers(UUID id, List<UUID> userIds, String source) {
		group(id);
		List<UUID> present = repository.members(id);
		for (UUID user : userIds) {
			if (!present.contains(user)) {
				repository.addMember(id, user, clock.instant());
				audit.record(member("group.member_added", id, user, source));
			}
		}
	}

	@Override
	@Transactional
	public void removeMembers(UUID id, List<UUID> userIds, String source) {
		group(id);
		for (UUID user : userIds) {
			if (repository.removeMember(id, user)) {
				audit.record(member("group.member_removed", id, user, source));
			}
		}
	}

	private static AuditEvent member(String action, UUID group, UUID user, String source) {
		return AuditEvent.success(action).object("group", group).detail("user", user).detail("source", source);
	}

	private Group group(UUID id) {
		return repository.group(id).orElseThrow(() -> ShareException.notFound("group"));
	}

	private String freeName(String name) {
		String clean = GroupService.validName(name);
		if (repository.groupNameTaken(clean)) {
			throw ShareException.conflict("A group named '" + clean + "' exists already.");
		}
		return clean;
	}

	private DirectoryGroup withMembers(Group group) {
		return new DirectoryGroup(group.id(), group.name(), group.createdAt(), repository.members(group.id()));
	}

}
