package dev.ferry.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery. Redirects are not followed (a 3xx is a failed attempt), so
 * the address check before the request covers every hop.
 */
@Component
class WebhookSender {

	private final AddressGuard guard;

	private final WebhookProperties properties;

	private final HttpClient client;

	WebhookSender(AddressGuard guard, WebhookProperties properties) {
		this.guard = guard;
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
	}

	/** The response code, or the reason no request was made or answered. */
	Result send(String url, String id, Instant now, String body, List<byte[]> keys) {
		URI target = URI.create(url);
		Optional<String> refusal = guard.refusal(target);
		if (refusal.isPresent()) {
			return new Result(null, refusal.get());
		}
		long timestamp = now.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Ferry-Webhooks")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSigner.sign(keys, id, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		// The request timeout covers the wait for the headers only: a body that trickles
		// on would hold this job thread for as long as the receiver likes, so the body is
		// never read, only closed.
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			response.body().close();
			int code = response.statusCode();
			return new Result(code, (code >= 200 && code < 300) ? null : "http_" + code);
		}
		catch (IOException ex) {
			return new Result(null, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(null, "interrupted");
		}
	}

	record Result(Integer code, String error) {

		boolean delivered() {
			return error == null;
		}

	}

}
