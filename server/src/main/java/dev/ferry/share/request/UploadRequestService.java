package dev.ferry.share.request;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.Names;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.files.FileCatalog;
import dev.ferry.share.Cursor;
import dev.ferry.protect.AccessRules;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.LinkSettings;
import dev.ferry.share.ShareUrls;
import dev.ferry.share.request.UploadRequestApi.ArrivalView;
import dev.ferry.share.request.UploadRequestApi.NewRequest;
import dev.ferry.share.request.UploadRequestApi.RequestChange;
import dev.ferry.share.request.UploadRequestApi.RequestView;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.TransferApi;
import dev.ferry.share.transfer.TransferFields;
import dev.ferry.share.transfer.TransferService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.ferry.share.transfer.TransferApi.iso;

/**
 * The owner's upload requests. Files that arrive land in the owner's space under
 * {@code /Upload requests/<title>} and count against the owner's quota and the request's
 * own limits. A change commits with its audit record; a refusal keeps its own.
 */
@Service
class UploadRequestService {

	static final int MAX_FILES_LIMIT = 10_000;

	private static final int MAX_TYPES = 100;

	private final UploadRequestRepository requests;

	private final FileCatalog catalog;

	private final Owners owners;

	private final TransferService transfers;

	private final LinkSettings settings;

	private final ShareUrls urls;

	private final AuditLog audit;

	UploadRequestService(UploadRequestRepository requests, FileCatalog catalog, Owners owners,
			TransferService transfers, LinkSettings settings, ShareUrls urls, AuditLog audit) {
		this.requests = requests;
		this.catalog = catalog;
		this.owners = owners;
		this.transfers = transfers;
		this.settings = settings;
		this.urls = urls;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = ProblemException.class)
	RequestView create(CurrentUser user, NewRequest body) {
		owners.require(user, Scope.SHARE, "upload_request.created");
		Instant now = transfers.now();
		if (body.title() == null || body.title().isBlank() || body.title().length() > 200) {
			throw ShareException.invalid("title is required, at most 200 characters.");
		}
		Names.flaw(body.title()).ifPresent((flaw) -> {
			throw ShareException.invalid("title " + flaw + ".");
		});
		int maxFiles = (body.maxFiles() != null) ? body.maxFiles() : 0;
		long maxBytes = (body.maxTotalBytes() != null) ? body.maxTotalBytes() : 0;
		if (maxFiles < 1 || maxFiles > MAX_FILES_LIMIT || maxBytes < 1) {
			throw ShareException
				.invalid("max_files (1.." + MAX_FILES_LIMIT + ") and max_total_bytes (> 0) are required.");
		}
		AccessRules access = settings.access(body.allowedIps(), body.allowedCountries(), body.deniedCountries());
		boolean captcha = settings.requestCaptcha(body.captcha(),
				body.password() != null || (body.allowedEmails() != null && !body.allowedEmails().isEmpty()));
		UploadRequest request = new UploadRequest(UUID.randomUUID(), user.userId(), body.title().strip(),
				TransferFields.message(body.message()), settings.passwordHash(body.password()),
				TransferFields.recipients(body.allowedEmails()), types(body.allowedTypes()), maxFiles, maxBytes, 0, 0,
				transfers.expiry(body.expiresAt(), now), now, null, access, captcha);
		catalog.checkPlacement(user, request.folder(), "probe");
		String token = SecureTokens.generate("");
		requests.insert(request, SecureTokens.hash(token));
		audit.record(LinkSettings.withRules(AuditEvent.success("upload_request.created")
			.object("upload_request", request.id())
			.detail("max_files", maxFiles)
			.detail("max_total_bytes", maxBytes)
			.detail("password", request.passwordRequired())
			.detail("allowed_emails", request.allowedEmails().size())
			.detail("captcha", captcha), access));
		return view(request, token);
	}

	TransferApi.Page<RequestView> list(CurrentUser user, String cursor, Integer limit) {
		owners.require(user, Scope.READ, "upload_request.listed");
		int size = Cursor.limit(limit);
		List<UploadRequest> rows = requests.page(user.userId(), Cursor.decode(cursor), size);
		boolean more = rows.size() > size;
		List<UploadRequest> page = more ? rows.subList(0, size) : rows;
		String next = more ? Cursor.after(page.get(size - 1).createdAt(), page.get(size - 1).id()).encode() : null;
		audit.record(AuditEvent.success("upload_request.listed").detail("count", page.size()));
		return new TransferApi.Page<>(page.stream().map((r) -> view(r, null)).toList(), next);
	}

	RequestView get(CurrentUser user, String id) {
		UploadRequest request = owned(user, id, Scope.READ, "upload_request.read");
		audit.record(AuditEvent.success("upload_request.read").object("upload_request", request.id()));
		return view(request, null);
	}

	/**
	 * Replaces the lists of the request's access rules that {@code change} names, and
	 * turns its proof of work on or off when it names {@code captcha}.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	RequestView update(CurrentUser user, String id, RequestChange change) {
		UploadRequest request = owned(user, id, Scope.SHARE, "upload_request.updated");
		if (change.captcha() == null && change.access().changesNothing()) {
			throw ShareException.invalid("Send at least one of allowed_ips, allowed_countries, denied_countries "
					+ "(an empty list clears it) and captcha.");
		}
		boolean captcha = (change.captcha() != null) ? change.captcha() : request.captcha();
		if (captcha && !request.captcha() && (request.passwordRequired() || request.verificationRequired())) {
			throw LinkSettings.requestCaptchaConflict();
		}
		AccessRules access = (change.captcha() != null && change.access().changesNothing()) ? request.access()
				: settings.access(request.access(), change.access());
		requests.updateAccess(request.id(), access);
		requests.updateCaptcha(request.id(), captcha);
		audit.record(LinkSettings.withRules(AuditEvent.success("upload_request.updated")
			.object("upload_request", request.id())
			.detail("captcha", captcha), access));
		return view(requests.find(request.id()).orElseThrow(), null);
	}

	@Transactional(noRollbackFor = ProblemException.class)
	void revoke(CurrentUser user, String id) {
		UploadRequest request = owned(user, id, Scope.SHARE, "upload_request.revoked");
		if (requests.revoke(request.id(), transfers.now())) {
			audit.record(AuditEvent.success("upload_request.revoked").object("upload_request", request.id()));
		}
		else {
			audit.record(AuditEvent.failure("upload_request.revoked")
				.object("upload_request", request.id())
				.detail("reason", "already_revoked"));
		}
	}

	List<ArrivalView> arrivals(CurrentUser user, String id) {
		UploadRequest request = owned(user, id, Scope.READ, "upload_request.files");
		audit.record(AuditEvent.success("upload_request.files").object("upload_request", request.id()));
		return requests.arrivals(request.id())
			.stream()
			.map((a) -> new ArrivalView(a.uploadId().toString(), a.name(), a.length(), a.uploaderEmail(),
					(a.completedAt() != null) ? "complete" : "uploading", iso(a.createdAt()), iso(a.completedAt())))
			.toList();
	}

	private UploadRequest owned(CurrentUser user, String id, Scope scope, String action) {
		owners.require(user, scope, action);
		UUID uuid = Ids.parse(id);
		UploadRequest request = (uuid != null)
				? requests.find(uuid).filter((r) -> r.ownerId().equals(user.userId())).orElse(null) : null;
		if (request == null) {
			audit.record(AuditEvent.denied(action)
				.object("upload_request", Owners.truncate(id))
				.detail("reason", "not_found"));
			throw ShareException.notFound("upload request");
		}
		return request;
	}

	private RequestView view(UploadRequest r, String token) {
		List<UploadRequestRepository.Arrival> arrivals = requests.arrivals(r.id());
		List<UploadRequestRepository.Arrival> done = arrivals.stream().filter((a) -> a.completedAt() != null).toList();
		return new RequestView(r.id().toString(), token, (token != null) ? urls.uploadRequest(token) : null, r.title(),
				r.message(), r.status(transfers.now()), r.folder(), r.passwordRequired(), r.allowedEmails(),
				r.allowedTypes(), r.maxFiles(), r.maxTotalBytes(), done.size(),
				done.stream().mapToLong(UploadRequestRepository.Arrival::length).sum(), iso(r.expiresAt()),
				iso(r.createdAt()), iso(r.revokedAt()), r.access().allowedIps(), r.access().allowedCountries(),
				r.access().deniedCountries(), r.captcha());
	}

	private static List<String> types(List<String> types) {
		if (types == null) {
			return List.of();
		}
		if (types.size() > MAX_TYPES || types.stream().anyMatch(Objects::isNull)) {
			throw ShareException.invalid("allowed_types is a list of at most " + MAX_TYPES
					+ " MIME types (image/*) or extensions (.pdf), none of them null.");
		}
		return types.stream().map((t) -> t.strip().toLowerCase(Locale.ROOT)).filter((t) -> !t.isEmpty()).map((t) -> {
			if (!t.matches("\\.[a-z0-9]{1,16}|[a-z0-9.+-]+/(\\*|[a-z0-9.+-]+)")) {
				throw ShareException.invalid("allowed_types entries are MIME types (image/*) or extensions (.pdf).");
			}
			return t;
		}).distinct().toList();
	}

}
