package dev.ferry.auth.session;

import java.time.Clock;
import java.util.UUID;

import dev.ferry.auth.PersonalData;

import org.springframework.stereotype.Component;

/** The account's live sessions in a data export: devices, addresses, times. */
@Component
class SessionPersonalData implements PersonalData {

	private final SessionRepository sessions;

	private final Clock clock;

	SessionPersonalData(SessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "sessions";
	}

	@Override
	public Object about(UUID userId) {
		return sessions.listActive(userId, clock.instant()).stream().map((s) -> SessionView.of(s, false)).toList();
	}

}
