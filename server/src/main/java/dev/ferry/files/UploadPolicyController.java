package dev.ferry.files;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "files")
@RestController
class UploadPolicyController {

	private final UploadRulesService rules;

	UploadPolicyController(UploadRulesService rules) {
		this.rules = rules;
	}

	@Operation(operationId = "getUploadPolicy", summary = "The deployment's upload policy (admin)")
	@GetMapping("/api/v1/admin/upload-policy")
	UploadPolicyDocument get(@AuthenticationPrincipal CurrentUser user) {
		return rules.policy(user);
	}

	@Operation(operationId = "replaceUploadPolicy", summary = "Replace the upload policy's rules (admin)")
	@PutMapping("/api/v1/admin/upload-policy")
	UploadPolicyDocument replace(@AuthenticationPrincipal CurrentUser user, @RequestBody UploadPolicyDocument policy) {
		return rules.replace(user, policy);
	}

	@Operation(operationId = "getMyUploadPolicy", summary = "The upload policy's rules that apply to the caller")
	@GetMapping("/api/v1/upload-policy")
	UserUploadPolicy mine(@AuthenticationPrincipal CurrentUser user) {
		return rules.policyFor(user);
	}

}
