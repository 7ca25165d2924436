package dev.ferry.files;

import java.util.ArrayList;
import java.util.List;

import dev.ferry.auth.Role;

/**
 * The rules of the upload policy that apply to one role, each with its {@code number} in
 * the whole policy: refusals name a rule by that number, so a client that checks before
 * sending words its refusal exactly as the server would.
 */
record UserUploadPolicy(List<NumberedRule> rules) {

	static UserUploadPolicy of(UploadPolicyDocument policy, Role role) {
		List<NumberedRule> rules = new ArrayList<>();
		for (int i = 0; i < policy.rules().size(); i++) {
			UploadRule rule = policy.rules().get(i);
			if (rule.appliesTo(role)) {
				rules.add(new NumberedRule(i + 1, rule.name(), rule.roles(), rule.allowedTypes(), rule.deniedTypes(),
						rule.allowedExtensions(), rule.deniedExtensions(), rule.minSize(), rule.maxSize()));
			}
		}
		return new UserUploadPolicy(rules);
	}

	record NumberedRule(int number, String name, List<String> roles, List<String> allowedTypes,
			List<String> deniedTypes, List<String> allowedExtensions, List<String> deniedExtensions, Long minSize,
			Long maxSize) {
	}

}
