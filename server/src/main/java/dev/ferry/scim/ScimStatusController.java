package dev.ferry.scim;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin area's view of SCIM provisioning: is a provider calling, and is it failing.
 */
@Tag(name = "scim")
@RestController
class ScimStatusController {

	private final ScimRepository repository;

	private final ScimProperties properties;

	private final AccessPolicy policy;

	private final AuditLog audit;

	ScimStatusController(ScimRepository repository, ScimProperties properties, AccessPolicy policy, AuditLog audit) {
		this.repository = repository;
		this.properties = properties;
		this.policy = policy;
		this.audit = audit;
	}

	@Operation(operationId = "getScimStatus",
			summary = "SCIM provisioning: last request, last error, provisioned users and groups")
	@GetMapping("/api/v1/admin/scim")
	ScimStatus status(@AuthenticationPrincipal CurrentUser admin) {
		policy.requireAdmin(admin, "admin.scim_status");
		ScimRepository.Status status = repository.status();
		audit.record(AuditEvent.success("admin.scim_status"));
		return new ScimStatus(status.lastRequestAt(), status.lastErrorAt(), status.lastError(),
				repository.provisionedUsers(), repository.provisionedGroups(),
				properties.deprovision().name().toLowerCase(Locale.ROOT));
	}

	/**
	 * {@code deprovision} is what a SCIM DELETE does to an account: {@code suspend} or
	 * {@code delete}.
	 */
	record ScimStatus(@JsonInclude(JsonInclude.Include.ALWAYS) Instant lastRequestAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) Instant lastErrorAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) String lastError, long provisionedUsers, long provisionedGroups,
			String deprovision) {
	}

}
