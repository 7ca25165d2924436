package dev.ferry.webhook;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Problems of the webhook API. */
class WebhookException extends ProblemException {

	WebhookException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static WebhookException invalid(String detail) {
		return new WebhookException(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", detail);
	}

	static WebhookException stillPending() {
		return new WebhookException(HttpStatus.CONFLICT, "delivery-pending", "Delivery still pending",
				"This delivery is still being attempted; replay it once it was delivered or has failed.");
	}

	static WebhookException notFound() {
		return new WebhookException(HttpStatus.NOT_FOUND, "webhook-not-found", "No such webhook",
				"There is no webhook or delivery with this id that you manage.");
	}

}
