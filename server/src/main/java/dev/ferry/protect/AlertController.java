package dev.ferry.protect;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "protect")
@RestController
@RequestMapping("/api/v1/admin/alerts")
class AlertController {

	private final Alerts alerts;

	AlertController(Alerts alerts) {
		this.alerts = alerts;
	}

	@Operation(operationId = "listAlerts", summary = "Suspicious-activity alerts, newest first")
	@GetMapping
	AlertList list(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "only alerts not acknowledged yet") @RequestParam(
					defaultValue = "false") boolean open,
			@Parameter(description = "how many (1-200)") @RequestParam(defaultValue = "50") int limit) {
		return new AlertList(alerts.list(user, open, limit));
	}

	@Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert")
	@PostMapping("/{id}/ack")
	Alert.AlertView acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return alerts.acknowledge(user, id);
	}

	/**
	 * New alerts as Server-Sent Events named {@code alert}, after a first {@code ready}.
	 */
	@Operation(operationId = "streamAlerts", summary = "Live alerts (Server-Sent Events)")
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal CurrentUser user) {
		return alerts.stream(user);
	}

	record AlertList(List<Alert.AlertView> items) {
	}

}
