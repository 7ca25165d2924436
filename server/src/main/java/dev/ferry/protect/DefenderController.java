package dev.ferry.protect;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "protect")
@RestController
@RequestMapping("/api/v1/admin")
class DefenderController {

	private final DefenderAdmin admin;

	DefenderController(DefenderAdmin admin) {
		this.admin = admin;
	}

	@Operation(operationId = "listBans", summary = "Addresses the defender bans right now")
	@GetMapping("/bans")
	BanList bans(@AuthenticationPrincipal CurrentUser user) {
		return new BanList(admin.bans(user));
	}

	/** Lifts a ban and forgets the address's score. */
	@Operation(operationId = "liftBan", summary = "Lift the ban of an address")
	@DeleteMapping("/bans/{address}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void lift(@AuthenticationPrincipal CurrentUser user, @PathVariable String address) {
		admin.lift(user, address);
	}

	@Operation(operationId = "listAddressRules", summary = "Permanent allow and deny rules for client addresses")
	@GetMapping("/address-rules")
	AddressRuleList rules(@AuthenticationPrincipal CurrentUser user) {
		return new AddressRuleList(admin.rules(user));
	}

	/**
	 * An allow rule exempts a network from scoring and bans; a deny rule refuses it on
	 * every request.
	 */
	@Operation(operationId = "createAddressRule", summary = "Add a permanent allow or deny rule")
	@PostMapping("/address-rules")
	@ResponseStatus(HttpStatus.CREATED)
	DefenderAdmin.RuleView addRule(@AuthenticationPrincipal CurrentUser user, @RequestBody DefenderAdmin.NewRule body) {
		return admin.addRule(user, body);
	}

	@Operation(operationId = "deleteAddressRule", summary = "Delete a permanent address rule")
	@DeleteMapping("/address-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRule(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		admin.deleteRule(user, id);
	}

	record BanList(List<DefenderAdmin.BanView> items) {
	}

	record AddressRuleList(List<DefenderAdmin.RuleView> items) {
	}

}
