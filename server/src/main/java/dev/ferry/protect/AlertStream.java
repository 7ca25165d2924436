package dev.ferry.protect;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The administrators' live alert feeds (Server-Sent Events). An emitter whose client went
 * away is dropped on the next send. The feeds end before the web server shuts down, since
 * its graceful shutdown would otherwise wait for these never-ending requests.
 */
@Component
class AlertStream implements SmartLifecycle {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	SseEmitter open() {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitters.add(emitter);
		emitter.onCompletion(() -> emitters.remove(emitter));
		emitter.onTimeout(() -> emitters.remove(emitter));
		emitter.onError((error) -> emitters.remove(emitter));
		try {
			// A first event flushes the headers, so the client knows it is connected.
			emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			emitters.remove(emitter);
		}
		return emitter;
	}

	void publish(Alert.AlertView alert) {
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(SseEmitter.event().id(alert.id()).name("alert").data(alert, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				emitters.remove(emitter);
			}
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		emitters.forEach(SseEmitter::complete);
		emitters.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
