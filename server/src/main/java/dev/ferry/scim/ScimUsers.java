package dev.ferry.scim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountProvisioning;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.User;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM Users over Ferry accounts. Every account is a User, found by email
 * ({@code userName eq}) so a provider links the accounts that exist already instead of
 * failing on them; the first write through SCIM links it ({@code scim_users}). A
 * deprovisioned (suspended by DELETE) account is gone for SCIM until it is created again,
 * which reactivates it. Each operation is audited as {@code scim.user_*}.
 */
@Service
class ScimUsers {

	private static final Set<String> FILTERS = Set.of("username", "externalid", "id");

	private final AccountProvisioning provisioning;

	private final Accounts accounts;

	private final ScimRepository links;

	private final ScimProperties properties;

	private final PublicUrl urls;

	private final AuditLog audit;

	private final Clock clock;

	ScimUsers(AccountProvisioning provisioning, Accounts accounts, ScimRepository links, ScimProperties properties,
			PublicUrl urls, AuditLog audit, Clock clock) {
		this.provisioning = provisioning;
		this.accounts = accounts;
		this.links = links;
		this.properties = properties;
		this.urls = urls;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	Map<String, Object> create(JsonNode body) {
		UserDraft draft = UserDraft.of(body);
		String email = draft.email();
		// Checked before anything is written: a refusal must change nothing.
		String externalId = draft.externalId();
		Optional<User> existing = accounts.findByEmail(email);
		if (existing.isPresent() && links.user(existing.get().id()).filter((l) -> !l.deprovisioned()).isPresent()) {
			throw ScimException.uniqueness("A user with userName " + email + " is provisioned already.");
		}
		User user = existing
			.map((found) -> provisioning.update(found.id(), email, (draft.name() != null) ? draft.name() : found.name(),
					draft.active()))
			.orElseGet(() -> provisioning.create(email, draft.name(), draft.active()));
		links.linkUser(user.id(), externalId, clock.instant());
		audit.record(AuditEvent.success("scim.user_create")
			.object("user", user.id())
			.detail("email", user.email())
			.detail("linked_existing", existing.isPresent()));
		return resource(user);
	}

	Map<String, Object> get(String id) {
		User user = visible(id);
		audit.record(AuditEvent.success("scim.user_read").object("user", user.id()));
		return resource(user);
	}

	Map<String, Object> list(String filter, ScimPage page) {
		ScimFilter parsed = ScimFilter.parse(filter, FILTERS);
		Set<UUID> gone = links.deprovisionedUsers();
		List<Map<String, Object>> resources = new ArrayList<>();
		long total;
		if (parsed != null) {
			List<User> matches = matching(parsed).stream().filter((u) -> !gone.contains(u.id())).toList();
			total = matches.size();
			matches.stream().skip(page.offset()).limit(page.count()).forEach((u) -> resources.add(resource(u)));
		}
		else {
			total = provisioning.count() - gone.size();
			collect(gone, page, resources);
		}
		audit.record(AuditEvent.success("scim.user_list")
			.detail("filter", (parsed != null) ? parsed.attribute() : null)
			.detail("count", resources.size()));
		return ScimJson.listResponse(resources, total, page.startIndex());
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	Map<String, Object> replace(String id, JsonNode body) {
		User user = visible(id);
		return save(user, UserDraft.of(body), "scim.user_replace");
	}

	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	Map<String, Object> patch(String id, JsonNode body) {
		// Locked and read again: the patch is applied to the account as it is, not as it
		// was before a suspension committed meanwhile.
		User user = provisioning.current(visible(id).id());
		ScimPatch patch = ScimPatch.of(body);
		UserDraft draft = UserDraft.of(user, links.user(user.id()).map(ScimRepository.Link::externalId).orElse(null));
		patch.apply(draft::set);
		return save(user, draft, "scim.user_patch");
	}

	/**
	 * Deprovisions per {@code FERRY_SCIM_DEPROVISION}: suspends the account (ending its
	 * sessions) or deletes it.
	 */
	@Transactional(noRollbackFor = { ProblemException.class, ScimException.class })
	void delete(String id) {
		User user = visible(id);
		boolean delete = properties.deprovision() == ScimProperties.Deprovision.DELETE;
		if (delete) {
			// Audited by the erasure itself, under a pseudonym like everything else.
			provisioning.delete(user.id());
			return;
		}
		provisioning.update(user.id(), user.email(), user.name(), false);
		links.deprovisionUser(user.id(), clock.instant());
		audit.record(AuditEvent.success("scim.user_delete")
			.object("user", user.id())
			.detail("email", user.email())
			.detail("policy", "suspend"));
	}

	private Map<String, Object> save(User user, UserDraft draft, String action) {
		String externalId = draft.externalId();
		User saved = provisioning.update(user.id(), draft.email(), draft.name(), draft.active());
		links.linkUser(user.id(), externalId, clock.instant());
		audit.record(AuditEvent.success(action)
			.object("user", user.id())
			.detail("active", saved.isActive())
			.detail("suspended", user.isActive() && !saved.isActive()));
		return resource(saved);
	}

	/** An account SCIM may see: it exists and was not deprovisioned. */
	User visible(String id) {
		UUID uuid = Ids.parse(id);
		return Optional.ofNullable(uuid)
			.flatMap(accounts::find)
			.filter((u) -> links.user(u.id()).filter(ScimRepository.Link::deprovisioned).isEmpty())
			.orElseThrow(() -> ScimException.notFound("User", id));
	}

	private List<User> matching(ScimFilter filter) {
		return switch (filter.attribute()) {
			case "username" -> accounts.findByEmail(filter.value()).stream().toList();
			case "id" -> Optional.ofNullable(Ids.parse(filter.value())).flatMap(accounts::find).stream().toList();
			default ->
				links.usersWithExternalId(filter.value()).stream().flatMap((id) -> accounts.find(id).stream()).toList();
		};
	}

	/** One page of all visible accounts, read in batches from auth. */
	private void collect(Set<UUID> gone, ScimPage page, List<Map<String, Object>> resources) {
		int skip = page.offset();
		int offset = 0;
		while (resources.size() < page.count()) {
			List<User> batch = provisioning.page(offset, ScimPage.MAX);
			for (User user : batch) {
				if (gone.contains(user.id())) {
					continue;
				}
				if (skip > 0) {
					skip--;
				}
				else if (resources.size() < page.count()) {
					resources.add(resource(user));
				}
			}
			if (batch.size() < ScimPage.MAX) {
				return;
			}
			offset += ScimPage.MAX;
		}
	}

	Map<String, Object> resource(User user) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("schemas", List.of(ScimJson.USER));
		resource.put("id", user.id().toString());
		links.user(user.id()).map(ScimRepository.Link::externalId).ifPresent((e) -> resource.put("externalId", e));
		resource.put("userName", user.email());
		if (user.name() != null) {
			resource.put("displayName", user.name());
			resource.put("name", Map.of("formatted", user.name()));
		}
		resource.put("active", user.isActive());
		resource.put("emails", List.of(Map.of("value", user.email(), "type", "work", "primary", true)));
		resource.put("meta",
				ScimJson.meta("User", user.createdAt(), user.updatedAt(), urls.resolve("/scim/v2/Users/" + user.id())));
		return resource;
	}

}
