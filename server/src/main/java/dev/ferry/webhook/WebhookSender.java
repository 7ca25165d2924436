package dev.ferry.webhook;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery through an HTTP client that resolves names only through the
 * {@link AddressGuard}, so the address connected to is the address checked. Redirects are
 * not followed (a 3xx is a failed attempt), so the check covers every hop.
 */
@Component
class WebhookSender implements DisposableBean {

	private final WebhookProperties properties;

	private final CloseableHttpClient client;

	/** Cuts a request whose answer's headers take longer than the timeout in all. */
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	WebhookSender(AddressGuard guard, WebhookProperties properties) {
		this.properties = properties;
		Timeout timeout = Timeout.of(properties.timeout());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(guard)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.setUserAgent("Ferry-Webhooks")
			.build();
	}

	/** The response code, or the reason no request was made or answered. */
	Result send(String url, String id, Instant now, String body, List<byte[]> keys) {
		long timestamp = now.getEpochSecond();
		HttpPost request = new HttpPost(url);
		request.setHeader("webhook-id", id);
		request.setHeader("webhook-timestamp", Long.toString(timestamp));
		request.setHeader("webhook-signature", WebhookSigner.sign(keys, id, timestamp, body));
		request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, properties.timeout().toMillis(),
				TimeUnit.MILLISECONDS);
		try {
			int code = statusOnly(request);
			return new Result(code, (code >= 200 && code < 300) ? null : "http_" + code);
		}
		catch (AddressGuard.NotAllowed ex) {
			return new Result(null, "address_not_allowed");
		}
		catch (UnknownHostException ex) {
			return new Result(null, "unknown_host");
		}
		catch (IOException ex) {
			return new Result(null, request.isCancelled() ? "timeout" : ex.getClass().getSimpleName());
		}
		finally {
			deadline.cancel(false);
		}
	}

	/**
	 * The timeout covers the wait for the headers only: a body that trickles on would
	 * hold this job thread for as long as the receiver likes, so the body is never read:
	 * cancelling the request drops the connection, where closing the answer would drain
	 * it.
	 */
	private int statusOnly(HttpPost request) throws IOException {
		ClassicHttpResponse response = client.executeOpen(null, request, null);
		int code = response.getCode();
		request.cancel();
		Closer.closeQuietly(response);
		return code;
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		client.close();
	}

	record Result(Integer code, String error) {

		boolean delivered() {
			return error == null;
		}

	}

}
