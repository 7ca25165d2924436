package dev.ferry.share.grant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.TransferRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.ferry.share.transfer.TransferApi.iso;

/**
 * Grants of files and transfers to accounts and groups. Owners manage the grants of what
 * they own (anything else is 404); grantees see what was granted to them or their groups
 * and, with {@code download} or {@code edit}, fetch it. Ended transfers and deleted files
 * drop out by themselves.
 */
@Service
class GrantService {

	private final GrantRepository grants;

	private final TransferRepository transfers;

	private final FileContent files;

	private final Owners owners;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	GrantService(GrantRepository grants, TransferRepository transfers, FileContent files, Owners owners,
			Accounts accounts, AuditLog audit, Clock clock) {
		this.grants = grants;
		this.transfers = transfers;
		this.files = files;
		this.owners = owners;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The grant and its record commit together; a refusal keeps its own record. */
	@Transactional(noRollbackFor = ProblemException.class)
	GrantView grant(CurrentUser user, String type, String objectId, NewGrant body) {
		UUID object = owned(user, type, objectId, Scope.SHARE, "grant.created");
		Grant.Permission permission;
		UUID grantee;
		try {
			permission = Grant.Permission.of(body.permission());
			grantee = grantee(user, body);
		}
		catch (ProblemException ex) {
			// Also keeps a trace of probing which addresses have an account (201 or 404).
			audit.record(AuditEvent.failure("grant.created")
				.object(type, object)
				.detail("reason", (ex.getStatusCode().value() == 404) ? "grantee_not_found" : "invalid")
				.detail("grantee_type", granteeType(body)));
			throw ex;
		}
		Grant grant = grants.upsert(new Grant(UUID.randomUUID(), user.userId(), type, object, granteeType(body),
				grantee, permission, clock.instant()));
		audit.record(AuditEvent.success("grant.created")
			.object(type, object)
			.detail("grant", grant.id())
			.detail("grantee_type", grant.granteeType())
			.detail("grantee", grant.granteeId())
			.detail("permission", permission.apiName()));
		return view(grant);
	}

	List<GrantView> list(CurrentUser user, String type, String objectId) {
		UUID object = owned(user, type, objectId, Scope.READ, "grant.listed");
		List<GrantView> views = grants.forObject(type, object).stream().map(this::view).toList();
		audit.record(AuditEvent.success("grant.listed").object(type, object).detail("count", views.size()));
		return views;
	}

	@Transactional(noRollbackFor = ProblemException.class)
	void revoke(CurrentUser user, String type, String objectId, String grantId) {
		UUID object = owned(user, type, objectId, Scope.SHARE, "grant.deleted");
		UUID id = Ids.parse(grantId);
		if (id == null || !grants.delete(id, type, object)) {
			audit.record(AuditEvent.failure("grant.deleted")
				.object(type, object)
				.detail("grant", Owners.truncate(grantId))
				.detail("reason", "not_found"));
			throw ShareException.notFound("grant");
		}
		audit.record(AuditEvent.success("grant.deleted").object(type, object).detail("grant", id));
	}

	/**
	 * What others granted the caller, directly or through groups; strongest grant wins.
	 */
	List<SharedItem> sharedWithMe(CurrentUser user) {
		owners.require(user, Scope.READ, "grant.shared_with_me");
		Map<String, SharedItem> items = new LinkedHashMap<>();
		for (Grant grant : grants.forGrantee(user.userId())) {
			String key = grant.objectType() + ":" + grant.objectId();
			SharedItem known = items.get(key);
			if (known != null && Grant.Permission.of(known.permission()).compareTo(grant.permission()) >= 0) {
				continue;
			}
			item(grant).ifPresent((item) -> items.put(key, item));
		}
		audit.record(AuditEvent.success("grant.shared_with_me").detail("count", items.size()));
		return List.copyOf(items.values());
	}

	void download(CurrentUser user, String fileId, HttpServletRequest request, HttpServletResponse response) {
		owners.require(user, Scope.READ, "grant.download");
		UUID id = Ids.parse(fileId);
		Downloadable granted = (id != null) ? downloadable(user, id).orElse(null) : null;
		if (granted == null) {
			audit.record(AuditEvent.denied("grant.download")
				.object("file", Owners.truncate(fileId))
				.detail("reason", "not_granted"));
			throw ShareException.notFound("file shared with you");
		}
		if (files.find(granted.owner(), id, granted.version()).isEmpty()) {
			audit.record(AuditEvent.denied("grant.download").object("file", id).detail("reason", "file_gone"));
			throw ShareException.notFound("file shared with you");
		}
		files.serve(granted.owner(), id, granted.version(), request, response, new DownloadHooks() {

			@Override
			public void afterBody(long bytesServed, boolean completed) {
				AuditEvent event = completed ? AuditEvent.success("grant.download")
						: AuditEvent.failure("grant.download");
				audit.record(event.object("file", id).detail("bytes", bytesServed).detail("completed", completed));
			}

			@Override
			public void withoutBody(Bodiless answer) {
				audit.record(answer.event("grant").object("file", id));
			}

		});
	}

	/**
	 * Whose file it is and which version the grant gives: a file granted itself is served
	 * as it is now, one granted through a transfer at the version the transfer pins (the
	 * owner shared that content, not what came after).
	 */
	private Optional<Downloadable> downloadable(CurrentUser user, UUID fileId) {
		Downloadable throughTransfer = null;
		for (Grant grant : grants.forGrantee(user.userId())) {
			if (!grant.permission().mayDownload()) {
				continue;
			}
			if (Grant.FILE.equals(grant.objectType()) && grant.objectId().equals(fileId)) {
				return Optional.of(new Downloadable(grant.ownerId(), null));
			}
			if (throughTransfer == null && Grant.TRANSFER.equals(grant.objectType())
					&& transfers.find(grant.objectId()).filter((t) -> t.isLive(clock.instant())).isPresent()) {
				throughTransfer = transfers.file(grant.objectId(), fileId)
					.map((entry) -> new Downloadable(grant.ownerId(), entry.version()))
					.orElse(null);
			}
		}
		return Optional.ofNullable(throughTransfer);
	}

	/** {@code version}: the version granted (null: the latest). */
	private record Downloadable(UUID owner, Integer version) {
	}

	private Optional<SharedItem> item(Grant grant) {
		String owner = accounts.find(grant.ownerId()).map(User::name).orElse(null);
		if (Grant.FILE.equals(grant.objectType())) {
			return files.find(grant.ownerId(), grant.objectId())
				.map((f) -> new SharedItem(grant.id().toString(), Grant.FILE, f.id().toString(), f.name(), f.size(),
						f.contentType(), grant.permission().apiName(), owner, iso(grant.createdAt()), null, null));
		}
		return transfers.find(grant.objectId()).filter((t) -> t.isLive(clock.instant())).map((t) -> {
			List<SharedFile> list = new ArrayList<>();
			for (TransferRepository.Entry entry : transfers.files(t.id())) {
				files.find(t.ownerId(), entry.fileId(), entry.version())
					.ifPresent((StoredFile f) -> list
						.add(new SharedFile(f.id().toString(), f.name(), f.size(), f.contentType())));
			}
			return new SharedItem(grant.id().toString(), Grant.TRANSFER, t.id().toString(), t.title(),
					list.stream().mapToLong(SharedFile::size).sum(), null, grant.permission().apiName(), owner,
					iso(grant.createdAt()), iso(t.expiresAt()), list);
		});
	}

	private UUID owned(CurrentUser user, String type, String id, Scope scope, String action) {
		if (Grant.TRANSFER.equals(type)) {
			return owners.transfer(user, id, scope, action).id();
		}
		owners.require(user, scope, action);
		UUID uuid = Ids.parse(id);
		if (uuid == null || files.find(user.userId(), uuid).isEmpty()) {
			audit.record(AuditEvent.denied(action).object("file", Owners.truncate(id)).detail("reason", "not_found"));
			throw ShareException.notFound("file");
		}
		return uuid;
	}

	private static String granteeType(NewGrant body) {
		return (body.groupId() != null) ? Grant.GROUP : Grant.USER;
	}

	private UUID grantee(CurrentUser user, NewGrant body) {
		int given = (body.userId() != null ? 1 : 0) + (body.email() != null ? 1 : 0) + (body.groupId() != null ? 1 : 0);
		if (given != 1) {
			throw ShareException.invalid("Name exactly one grantee: user_id, email or group_id.");
		}
		if (body.groupId() != null) {
			UUID group = Ids.parse(body.groupId());
			return ((group != null) ? grants.group(group) : Optional.<GrantRepository.Group>empty())
				.orElseThrow(() -> ShareException.notFound("group"))
				.id();
		}
		UUID id = Ids.parse(body.userId());
		User grantee = ((id != null) ? accounts.find(id)
				: (body.email() != null) ? accounts.findByEmail(body.email()) : Optional.<User>empty())
			.filter(User::isActive)
			.orElseThrow(() -> ShareException.notFound("user"));
		if (grantee.id().equals(user.userId())) {
			throw ShareException.invalid("You cannot grant something to yourself.");
		}
		return grantee.id();
	}

	private GrantView view(Grant grant) {
		String name = Grant.GROUP.equals(grant.granteeType())
				? grants.group(grant.granteeId()).map(GrantRepository.Group::name).orElse(null)
				: accounts.find(grant.granteeId()).map(User::email).orElse(null);
		return new GrantView(grant.id().toString(), grant.objectType(), grant.objectId().toString(),
				grant.granteeType(), grant.granteeId().toString(), name, grant.permission().apiName(),
				iso(grant.createdAt()));
	}

	record NewGrant(String userId, String email, String groupId, String permission) {
	}

	record GrantView(String id, String objectType, String objectId, String granteeType, String granteeId,
			String granteeName, String permission, String createdAt) {
	}

	record SharedItem(String grantId, String type, String id, String name, long size, String contentType,
			String permission, String ownerName, String grantedAt, String expiresAt, List<SharedFile> files) {
	}

	record SharedFile(String id, String name, long size, String contentType) {
	}

}
