package dev.ferry.protect;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ferry.auth.Accounts;
import dev.ferry.auth.Role;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The administrators' live alert feeds (Server-Sent Events). An emitter whose client went
 * away is dropped on the next send, and so is the feed of an account that is no longer an
 * active administrator (suspended, demoted or deleted since it opened the feed): the
 * alerts carry addresses and account emails. The feeds end before the web server shuts
 * down, since its graceful shutdown would otherwise wait for these never-ending requests.
 */
@Component
class AlertStream implements SmartLifecycle {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final List<Feed> feeds = new CopyOnWriteArrayList<>();

	private final Accounts accounts;

	private volatile boolean running;

	AlertStream(Accounts accounts) {
		this.accounts = accounts;
	}

	/** A feed for {@code adminId}, an administrator the caller has checked. */
	SseEmitter open(UUID adminId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Feed feed = new Feed(emitter, adminId);
		feeds.add(feed);
		emitter.onCompletion(() -> feeds.remove(feed));
		emitter.onTimeout(() -> feeds.remove(feed));
		emitter.onError((error) -> feeds.remove(feed));
		try {
			// A first event flushes the headers, so the client knows it is connected.
			emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			feeds.remove(feed);
		}
		return emitter;
	}

	void publish(Alert.AlertView alert) {
		for (Feed feed : feeds) {
			if (!stillAdmin(feed.adminId())) {
				feeds.remove(feed);
				feed.emitter().complete();
				continue;
			}
			try {
				feed.emitter()
					.send(SseEmitter.event().id(alert.id()).name("alert").data(alert, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				feeds.remove(feed);
			}
		}
	}

	private boolean stillAdmin(UUID userId) {
		return accounts.find(userId).filter((user) -> user.isActive() && user.role() == Role.ADMIN).isPresent();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		feeds.forEach((feed) -> feed.emitter().complete());
		feeds.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private record Feed(SseEmitter emitter, UUID adminId) {
	}

}
