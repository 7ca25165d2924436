package dev.ferry.share.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.ferry.Names;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.DirectoryGroups;
import dev.ferry.auth.User;
import dev.ferry.share.grant.GrantRepository.Group;

import org.springframework.stereotype.Component;

/**
 * Groups kept in step with an identity provider. Only the groups a provider's group map
 * names are touched, so groups an admin manages by hand never lose members to a sign-in.
 * Every change is audited with the provider as its source.
 */
@Component
class DirectoryGroupSync implements DirectoryGroups {

	private final GrantRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	DirectoryGroupSync(GrantRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void sync(User user, String source, Set<String> managed, Set<String> memberOf) {
		Instant now = clock.instant();
		for (String name : managed) {
			String clean = name.strip();
			if (clean.isEmpty() || clean.length() > 100 || Names.flaw(clean).isPresent()) {
				throw new IllegalStateException("Not a valid group name in the group map of " + source + ": " + name);
			}
			boolean member = memberOf.contains(name);
			Group group = repository.groupNamed(clean).orElse(null);
			if (group == null && !member) {
				continue;
			}
			if (group == null) {
				group = create(clean, source, now);
			}
			boolean was = repository.members(group.id()).contains(user.id());
			if (member && !was) {
				repository.addMember(group.id(), user.id(), now);
				record("group.member_added", group, user, source);
			}
			else if (!member && was) {
				repository.removeMember(group.id(), user.id());
				record("group.member_removed", group, user, source);
			}
		}
	}

	private Group create(String name, String source, Instant now) {
		UUID id = UUID.randomUUID();
		repository.createGroup(id, name, now);
		audit.record(
				AuditEvent.success("group.created").object("group", id).detail("name", name).detail("source", source));
		return repository.group(id).orElseThrow();
	}

	private void record(String action, Group group, User user, String source) {
		audit.record(AuditEvent.success(action)
			.by(user.auditActor())
			.object("group", group.id())
			.detail("user", user.id())
			.detail("source", source));
	}

}
