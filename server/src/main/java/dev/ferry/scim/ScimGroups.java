package dev.ferry.scim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.Ids;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.PublicUrl;
import dev.ferry.share.GroupDirectory;
import dev.ferry.share.GroupDirectory.DirectoryGroup;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM Groups over Ferry's groups (the ones files and transfers are granted to):
 * {@code displayName} is the group's name, {@code members} its accounts. Creating a group
 * whose name exists links that group. Each operation is audited as {@code scim.group_*};
 * membership changes also as {@code group.member_*} with source {@code scim}.
 */
@Service
class ScimGroups {

	static final String SOURCE = "scim";

	private static final Set<String> FILTERS = Set.of("displayname", "externalid", "id");

	/**
	 * {@code members[value eq "<id>"]}, the path Okta and Entra ID remove one member by.
	 */
	private static final Pattern ONE_MEMBER = Pattern
		.compile("(?i)members\\s*\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*\\]");

	private final GroupDirectory groups;

	private final Accounts accounts;

	private final ScimRepository links;

	private final PublicUrl urls;

	private final AuditLog audit;

	private final Clock clock;

	ScimGroups(GroupDirectory groups, Accounts accounts, ScimRepository links, PublicUrl urls, AuditLog audit,
			Clock clock) {
		this.groups = groups;
		this.accounts = accounts;
		this.links = links;
		this.urls = urls;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	Map<String, Object> create(JsonNode body) {
		String name = displayName(body);
		String externalId = externalId(body);
		List<UUID> members = members(ScimJson.attribute(body, "members"));
		Optional<DirectoryGroup> existing = groups.findNamed(name);
		if (existing.isPresent() && links.groupLinked(existing.get().id())) {
			throw ScimException.uniqueness("A group with displayName " + name + " is provisioned already.");
		}
		DirectoryGroup group = existing.orElseGet(() -> groups.create(name, SOURCE));
		links.linkGroup(group.id(), externalId, clock.instant());
		setMembers(group, members);
		audit.record(AuditEvent.success("scim.group_create")
			.object("group", group.id())
			.detail("name", name)
			.detail("linked_existing", existing.isPresent()));
		return resource(group(group.id().toString()), true);
	}

	Map<String, Object> get(String id, boolean withMembers) {
		DirectoryGroup group = group(id);
		audit.record(AuditEvent.success("scim.group_read").object("group", group.id()));
		return resource(group, withMembers);
	}

	Map<String, Object> list(String filter, ScimPage page, boolean withMembers) {
		ScimFilter parsed = ScimFilter.parse(filter, FILTERS);
		List<DirectoryGroup> matches = (parsed == null) ? groups.all() : switch (parsed.attribute()) {
			case "displayname" -> groups.findNamed(parsed.value()).stream().toList();
			case "id" -> Optional.ofNullable(Ids.parse(parsed.value())).flatMap(groups::find).stream().toList();
			default ->
				links.groupsWithExternalId(parsed.value()).stream().flatMap((id) -> groups.find(id).stream()).toList();
		};
		List<Map<String, Object>> resources = matches.stream()
			.skip(page.offset())
			.limit(page.count())
			.map((g) -> resource(g, withMembers))
			.toList();
		audit.record(AuditEvent.success("scim.group_list")
			.detail("filter", (parsed != null) ? parsed.attribute() : null)
			.detail("count", resources.size()));
		return ScimJson.listResponse(resources, matches.size(), page.startIndex());
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	Map<String, Object> replace(String id, JsonNode body) {
		DirectoryGroup group = group(id);
		String name = displayName(body);
		String externalId = externalId(body);
		List<UUID> members = members(ScimJson.attribute(body, "members"));
		groups.rename(group.id(), name, SOURCE);
		links.linkGroup(group.id(), externalId, clock.instant());
		setMembers(group, members);
		audit.record(AuditEvent.success("scim.group_replace").object("group", group.id()).detail("name", name));
		return resource(group(id), true);
	}

	/**
	 * Applies the operations all or none (RFC 7644 §3.5.2): a refused one rolls back
	 * those before it; the refusal is audited as {@code scim.request} by the error
	 * handler, outside this transaction.
	 */
	@Transactional
	void patch(String id, JsonNode body) {
		DirectoryGroup group = group(id);
		for (ScimPatch.Operation operation : ScimPatch.of(body).operations()) {
			apply(group.id(), operation);
		}
		audit.record(AuditEvent.success("scim.group_patch").object("group", group.id()));
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	void delete(String id) {
		DirectoryGroup group = group(id);
		groups.delete(group.id(), SOURCE);
		audit.record(AuditEvent.success("scim.group_delete").object("group", group.id()).detail("name", group.name()));
	}

	private void apply(UUID id, ScimPatch.Operation operation) {
		String path = (operation.path() != null) ? operation.path().strip() : null;
		Matcher one = (path != null) ? ONE_MEMBER.matcher(path) : null;
		if (one != null && one.matches() && operation.op().equals("remove")) {
			groups.removeMembers(id, members(List.of(one.group(1))), SOURCE);
			return;
		}
		if (path == null) {
			for (Map.Entry<String, JsonNode> entry : operation.value().properties()) {
				set(id, operation.op(), entry.getKey(), entry.getValue());
			}
			return;
		}
		set(id, operation.op(), path, operation.value());
	}

	private void set(UUID id, String op, String path, JsonNode value) {
		switch (path.toLowerCase(Locale.ROOT)) {
			case "members" -> {
				List<UUID> members = (value == null) ? List.of() : members(value);
				switch (op) {
					case "add" -> groups.addMembers(id, members, SOURCE);
					case "remove" ->
						groups.removeMembers(id, (value == null) ? group(id.toString()).members() : members, SOURCE);
					default -> setMembers(group(id.toString()), members);
				}
			}
			case "displayname" -> {
				if (op.equals("remove") || value == null || !value.isString()) {
					throw ScimException.invalidValue("displayName must be a string and cannot be removed.");
				}
				groups.rename(id, value.stringValue(), SOURCE);
			}
			case "externalid" -> links.linkGroup(id,
					op.equals("remove") ? null : ScimJson.externalId(text("externalId", value)), clock.instant());
			default -> {
				// A member filter other than the one above would change nobody and answer
				// 204: the members the provider meant to remove would keep their access.
				if (path.toLowerCase(Locale.ROOT).startsWith("members")) {
					throw ScimException.invalidPath("Members are removed one at a time, by the path members[value eq"
							+ " \"<id>\"], or all at once by the path members.");
				}
				// id, schemas and meta are read-only; other attributes are not kept.
			}
		}
	}

	private void setMembers(DirectoryGroup group, List<UUID> members) {
		List<UUID> gone = group.members().stream().filter((m) -> !members.contains(m)).toList();
		groups.removeMembers(group.id(), gone, SOURCE);
		groups.addMembers(group.id(), members, SOURCE);
	}

	private DirectoryGroup group(String id) {
		return Optional.ofNullable(Ids.parse(id))
			.flatMap(groups::find)
			.orElseThrow(() -> ScimException.notFound("Group", id));
	}

	/**
	 * Member account ids from {@code [{"value": "<id>"}]}; unknown accounts are a 400.
	 */
	private List<UUID> members(JsonNode value) {
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw ScimException.invalidValue("members must be a list of {\"value\": \"<user id>\"}.");
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode member : value.values()) {
			String id = ScimJson.string(member, "value");
			if (id == null) {
				throw ScimException.invalidValue("Each member needs a value: the user's id.");
			}
			ids.add(id);
		}
		return members(ids);
	}

	private List<UUID> members(List<String> ids) {
		Set<UUID> found = new LinkedHashSet<>();
		for (String id : ids) {
			UUID uuid = Ids.parse(id);
			if (uuid == null || accounts.find(uuid).isEmpty()) {
				throw ScimException.invalidValue("No user with id " + id + ".");
			}
			found.add(uuid);
		}
		return List.copyOf(found);
	}

	private static String displayName(JsonNode body) {
		String name = ScimJson.string(body, "displayName");
		if (name == null || name.isBlank()) {
			throw ScimException.invalidValue("displayName is required.");
		}
		return name;
	}

	private static String externalId(JsonNode body) {
		return ScimJson.externalId(ScimJson.string(body, "externalId"));
	}

	private static String text(String name, JsonNode value) {
		if (value != null && !value.isString()) {
			throw ScimException.invalidValue(name + " must be a string.");
		}
		return (value != null) ? value.stringValue() : null;
	}

	private Map<String, Object> resource(DirectoryGroup group, boolean withMembers) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("schemas", List.of(ScimJson.GROUP));
		resource.put("id", group.id().toString());
		links.groupExternalId(group.id()).ifPresent((e) -> resource.put("externalId", e));
		resource.put("displayName", group.name());
		if (withMembers) {
			resource.put("members", group.members().stream().map(this::member).toList());
		}
		resource.put("meta", ScimJson.meta("Group", group.createdAt(), group.createdAt(),
				urls.resolve("/scim/v2/Groups/" + group.id())));
		return resource;
	}

	private Map<String, Object> member(UUID userId) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("value", userId.toString());
		member.put("$ref", urls.resolve("/scim/v2/Users/" + userId));
		accounts.find(userId).ifPresent((user) -> member.put("display", user.email()));
		return member;
	}

}
