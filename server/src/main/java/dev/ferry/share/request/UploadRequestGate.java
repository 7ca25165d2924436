package dev.ferry.share.request;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.ShareSessions;
import dev.ferry.upload.UploadGate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upload requests as seen by the tus endpoint: a visitor's session becomes a pass to
 * upload as the request's owner into the request's folder, each new upload is held to the
 * request's limits ({@link RequestArrivals} tells the owner of every file that arrives).
 */
@Component
class UploadRequestGate implements UploadGate {

	private final PublicUploadRequests visitors;

	private final ShareSessions sessions;

	private final UploadRequestRepository requests;

	private final AuditLog audit;

	private final Clock clock;

	UploadRequestGate(PublicUploadRequests visitors, ShareSessions sessions, UploadRequestRepository requests,
			AuditLog audit, Clock clock) {
		this.visitors = visitors;
		this.sessions = sessions;
		this.requests = requests;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every tus request of a visitor comes through here, so a request revoked, expired or
	 * narrowed to other networks since the session began stops its uploads at the next
	 * PATCH (refused with its problem, audited); an unknown session is a 401, audited.
	 */
	@Override
	public Optional<Pass> open(String credential) {
		ShareSessions.Session session = sessions.find(credential)
			.filter((s) -> s.subjectType().equals(PublicUploadRequests.SUBJECT))
			.orElse(null);
		if (session == null) {
			audit.record(AuditEvent.failure("upload_request.upload").detail("reason", "invalid_session"));
			return Optional.empty();
		}
		UploadRequest request = visitors.check(requests.find(session.subjectId()).orElse(null),
				"upload_request.upload");
		if (request.verificationRequired() && session.email() == null) {
			refuse(request, "not_verified");
			return Optional.empty();
		}
		Optional<Pass> pass = visitors.actingOwner(request)
			.map((owner) -> new Pass(owner, request.folder(), request.id(), session.email()));
		if (pass.isEmpty()) {
			refuse(request, "owner_inactive");
		}
		return pass;
	}

	/**
	 * The reservation and the upload's row commit together: a failed insert must not keep
	 * the request's room reserved with nothing to give it back.
	 */
	@Override
	@Transactional(noRollbackFor = ProblemException.class)
	public void admit(Pass pass, UUID uploadId, String name, long length, String declaredType) {
		UploadRequest request = visitors.check(requests.find(pass.grantId()).orElse(null), "upload_request.upload");
		if (!request.allows(name, declaredType)) {
			refuse(request, "type_not_allowed");
			throw ShareException.typeNotAllowed(request.allowedTypes());
		}
		if (!requests.reserve(request.id(), length)) {
			refuse(request, "limits_reached");
			throw ShareException.requestFull(Math.max(0, request.maxFiles() - request.filesReserved()),
					Math.max(0, request.maxTotalBytes() - request.bytesReserved()));
		}
		requests.addUpload(uploadId, request.id(), name, length, pass.uploader(), clock.instant());
		audit.record(AuditEvent.success("upload_request.upload_started")
			.object("upload_request", request.id())
			.detail("upload", uploadId)
			.detail("name", name)
			.detail("length", length)
			.detail("email", pass.uploader()));
	}

	/**
	 * The declared type was checked at {@link #admit}; the content is checked here, and a
	 * refused upload gives its file and bytes back to the request.
	 */
	@Override
	public void inspect(UUID uploadId, String name, Supplier<String> detectedType) {
		UploadRequest request = requests.requestOf(uploadId).flatMap(requests::find).orElse(null);
		if (request == null || request.allowedTypes().isEmpty()) {
			return;
		}
		String detected = detectedType.get();
		if (AllowedTypes.allowContent(request.allowedTypes(), name, detected)) {
			return;
		}
		requests.withdraw(uploadId);
		audit.record(AuditEvent.failure("upload_request.upload")
			.object("upload_request", request.id())
			.detail("upload", uploadId)
			.detail("name", name)
			.detail("detected_type", detected)
			.detail("reason", "content_not_allowed"));
		throw ShareException.contentNotAllowed(request.allowedTypes(), detected);
	}

	@Override
	public void release(UUID uploadId) {
		requests.withdraw(uploadId);
	}

	@Override
	public boolean covers(Pass pass, UUID uploadId) {
		return requests.requestOf(uploadId).filter((id) -> id.equals(pass.grantId())).isPresent();
	}

	private void refuse(UploadRequest request, String reason) {
		audit.record(AuditEvent.failure("upload_request.upload")
			.object("upload_request", request.id())
			.detail("reason", reason));
	}

}
