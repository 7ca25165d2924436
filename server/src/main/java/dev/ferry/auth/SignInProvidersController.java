package dev.ferry.auth;

import java.util.List;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin view of the configured external sign-in providers and how they are doing. */
@Tag(name = "auth")
@RestController
class SignInProvidersController {

	private final List<SignInProviderReport> reports;

	private final AccessPolicy policy;

	private final AuditLog audit;

	SignInProvidersController(List<SignInProviderReport> reports, AccessPolicy policy, AuditLog audit) {
		this.reports = reports;
		this.policy = policy;
		this.audit = audit;
	}

	@Operation(operationId = "listSignInProviderStatus",
			summary = "Configured single sign-on and directory providers, with their last success and error")
	@GetMapping("/api/v1/admin/sign-in-providers")
	Items<ProviderHealth.Status> providers(@AuthenticationPrincipal CurrentUser admin) {
		policy.requireAdmin(admin, "admin.sign_in_providers");
		List<ProviderHealth.Status> all = reports.stream().flatMap((report) -> report.providers().stream()).toList();
		audit.record(AuditEvent.success("admin.sign_in_providers").detail("count", all.size()));
		return new Items<>(all);
	}

}
