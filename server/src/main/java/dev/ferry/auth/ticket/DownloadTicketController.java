package dev.ferry.auth.ticket;

import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.DownloadTickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues download tickets to signed-in browsers; the share module issues its own to
 * unlocked share sessions.
 */
@Tag(name = "auth")
@RestController
class DownloadTicketController {

	private final DownloadTicketService tickets;

	DownloadTicketController(DownloadTicketService tickets) {
		this.tickets = tickets;
	}

	@Operation(operationId = "createDownloadTicket", summary = "Issue a short-lived download URL that needs no header")
	@PostMapping("/api/v1/download-tickets")
	@ResponseStatus(HttpStatus.CREATED)
	TicketView issue(@AuthenticationPrincipal CurrentUser user, @RequestBody TicketRequest body) {
		if (body.path() == null || body.path().isBlank() || body.path().length() > 2048) {
			throw new AuthException(HttpStatus.BAD_REQUEST, "invalid-download-path", "Not a download",
					"Give the download's path, such as /api/v1/files/{id}/download.");
		}
		DownloadTickets.Issued issued = tickets.issueForAccount(user, body.path());
		return new TicketView(issued.url(), issued.expiresAt().toString());
	}

	record TicketRequest(String path) {
	}

	record TicketView(String url, String expiresAt) {
	}

}
