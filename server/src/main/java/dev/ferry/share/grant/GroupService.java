package dev.ferry.share.grant;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.Names;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.share.ShareException;
import dev.ferry.share.grant.GrantRepository.Group;
import dev.ferry.share.transfer.Owners;

import org.springframework.stereotype.Service;

/**
 * Groups of accounts, managed by admins, that owners can grant files and transfers to.
 */
@Service
class GroupService {

	private final GrantRepository repository;

	private final Accounts accounts;

	private final Owners owners;

	private final AuditLog audit;

	private final Clock clock;

	GroupService(GrantRepository repository, Accounts accounts, Owners owners, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.owners = owners;
		this.audit = audit;
		this.clock = clock;
	}

	GroupView create(CurrentUser admin, String name) {
		owners.requireAdmin(admin, "group.created");
		String clean = freeName(name);
		UUID id = UUID.randomUUID();
		repository.createGroup(id, clean, clock.instant());
		audit.record(AuditEvent.success("group.created").object("group", id).detail("name", clean));
		return view(repository.group(id).orElseThrow());
	}

	/**
	 * Ids and names of all groups, for picking a grantee. Group names are not secret from
	 * whoever may share; who is in them is, so members stay admin-only.
	 */
	List<GroupName> directory(CurrentUser user) {
		owners.require(user, Scope.SHARE, "group.directory");
		List<GroupName> names = repository.groups()
			.stream()
			.map((g) -> new GroupName(g.id().toString(), g.name()))
			.toList();
		audit.record(AuditEvent.success("group.directory").detail("count", names.size()));
		return names;
	}

	List<GroupView> list(CurrentUser admin) {
		owners.requireAdmin(admin, "group.listed");
		List<GroupView> groups = repository.groups().stream().map(this::view).toList();
		audit.record(AuditEvent.success("group.listed").detail("count", groups.size()));
		return groups;
	}

	GroupView get(CurrentUser admin, String id) {
		owners.requireAdmin(admin, "group.read");
		Group group = group(id, "group.read");
		audit.record(AuditEvent.success("group.read").object("group", group.id()));
		return view(group);
	}

	GroupView rename(CurrentUser admin, String id, String name) {
		owners.requireAdmin(admin, "group.renamed");
		Group group = group(id, "group.renamed");
		String clean = name == null ? null : name.strip();
		if (!group.name().equals(clean)) {
			repository.renameGroup(group.id(), freeName(name));
		}
		audit.record(AuditEvent.success("group.renamed")
			.object("group", group.id())
			.detail("from", group.name())
			.detail("name", clean));
		return view(repository.group(group.id()).orElseThrow());
	}

	void delete(CurrentUser admin, String id) {
		owners.requireAdmin(admin, "group.deleted");
		Group group = group(id, "group.deleted");
		repository.deleteGroup(group.id());
		audit.record(AuditEvent.success("group.deleted").object("group", group.id()).detail("name", group.name()));
	}

	GroupView addMember(CurrentUser admin, String id, String userId, String email) {
		owners.requireAdmin(admin, "group.member_added");
		Group group = group(id, "group.member_added");
		UUID uuid = Ids.parse(userId);
		User user = ((uuid != null) ? accounts.find(uuid)
				: (email != null) ? accounts.findByEmail(email) : java.util.Optional.<User>empty())
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure("group.member_added")
					.object("group", group.id())
					.detail("reason", "user_not_found"));
				return ShareException.notFound("user");
			});
		repository.addMember(group.id(), user.id(), clock.instant());
		audit.record(AuditEvent.success("group.member_added").object("group", group.id()).detail("user", user.id()));
		return view(group);
	}

	void removeMember(CurrentUser admin, String id, String userId) {
		owners.requireAdmin(admin, "group.member_removed");
		Group group = group(id, "group.member_removed");
		UUID uuid = Ids.parse(userId);
		if (uuid == null || !repository.removeMember(group.id(), uuid)) {
			audit.record(AuditEvent.failure("group.member_removed")
				.object("group", group.id())
				.detail("user", Owners.truncate(userId))
				.detail("reason", "not_found"));
			throw ShareException.notFound("member");
		}
		audit.record(AuditEvent.success("group.member_removed").object("group", group.id()).detail("user", uuid));
	}

	private String freeName(String name) {
		String clean = validName(name);
		if (repository.groupNameTaken(clean)) {
			throw ShareException.conflict("A group named '" + clean + "' exists already.");
		}
		return clean;
	}

	/** A group name with its surrounding spaces removed, or a 400. */
	static String validName(String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw ShareException.invalid("name is required, at most 100 characters.");
		}
		Names.flaw(name).ifPresent((flaw) -> {
			throw ShareException.invalid("name " + flaw + ".");
		});
		return name.strip();
	}

	private Group group(String id, String action) {
		UUID uuid = Ids.parse(id);
		return ((uuid != null) ? repository.group(uuid) : java.util.Optional.<Group>empty()).orElseThrow(() -> {
			audit.record(AuditEvent.failure(action).object("group", Owners.truncate(id)).detail("reason", "not_found"));
			return ShareException.notFound("group");
		});
	}

	private GroupView view(Group group) {
		List<MemberView> members = repository.members(group.id())
			.stream()
			.map((id) -> accounts.find(id)
				.map((u) -> new MemberView(u.id().toString(), u.email(), u.name()))
				.orElse(new MemberView(id.toString(), null, null)))
			.toList();
		return new GroupView(group.id().toString(), group.name(), group.createdAt().toString(), members);
	}

	record GroupView(String id, String name, String createdAt, List<MemberView> members) {
	}

	record GroupName(String id, String name) {
	}

	record MemberView(String userId, String email, String name) {
	}

}
