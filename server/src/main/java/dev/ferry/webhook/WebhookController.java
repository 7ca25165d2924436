package dev.ferry.webhook;

import java.util.List;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "webhook")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(operationId = "createWebhook", summary = "Register a webhook; its secret is only in this response")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WebhookView create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateRequest body) {
		return webhooks.create(caller, body.url(), body.events(), Boolean.TRUE.equals(body.allAccounts()));
	}

	@Operation(operationId = "listWebhooks", summary = "List the caller's webhooks")
	@GetMapping
	Items<WebhookView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(webhooks.list(caller));
	}

	@Operation(operationId = "updateWebhook", summary = "Change a webhook's URL, events or whether it is enabled")
	@PatchMapping("/{id}")
	WebhookView update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateRequest body) {
		return webhooks.update(caller, id, body.url(), body.events(), body.enabled());
	}

	@Operation(operationId = "rotateWebhookSecret",
			summary = "Replace the signing secret; the old one keeps signing for 24 hours")
	@PostMapping("/{id}/rotate-secret")
	WebhookView rotate(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return webhooks.rotate(caller, id);
	}

	@Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its delivery log")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		webhooks.delete(caller, id);
	}

	@Operation(operationId = "listWebhookDeliveries", summary = "A webhook's latest deliveries and their responses")
	@GetMapping("/{id}/deliveries")
	Items<DeliveryView> deliveries(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return new Items<>(webhooks.deliveries(caller, id));
	}

	@Operation(operationId = "replayWebhookDelivery", summary = "Send a logged delivery again")
	@PostMapping("/{id}/deliveries/{deliveryId}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void replay(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
		webhooks.replay(caller, id, deliveryId);
	}

	record CreateRequest(@NotBlank @Size(max = 2048) String url,
			@NotEmpty @Size(max = 20) List<@NotNull @Size(max = 64) String> events, Boolean allAccounts) {
	}

	record UpdateRequest(@Size(max = 2048) String url,
			@Size(min = 1, max = 20) List<@NotNull @Size(max = 64) String> events, Boolean enabled) {
	}

	record Items<T>(List<T> items) {
	}

}
