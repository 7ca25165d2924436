package dev.ferry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferry.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A banned address that keeps sending writes one record for its first refusal and one
 * with the count of the rest per window, not one per request; none is lost when the node
 * stops.
 */
class RefusalAuditTests {

	private final List<AuditEvent> trail = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong();

	private final RefusalAudit refusals = new RefusalAudit(trail::add, nanos::get, null);

	@Test
	void theFirstRefusalIsRecordedAtOnceAndTheRestAsACountWhenTheWindowCloses() {
		for (int i = 0; i < 500; i++) {
			refusals.refused("203.0.113.7", "/api/v1/share/{redacted}");
		}
		refusals.refused("198.51.100.2", "/api/v1/files");

		assertThat(trail).extracting((event) -> event.details().get("path"))
			.containsExactly("/api/v1/share/{redacted}", "/api/v1/files");

		nanos.addAndGet(RefusalAudit.WINDOW.plusSeconds(1).toNanos());
		refusals.closeDueWindows();

		assertThat(trail).hasSize(3);
		assertThat(trail.get(2).action()).isEqualTo(RefusalAudit.ACTION);
		assertThat(trail.get(2).details()).containsEntry("repeated", 499L);

		refusals.refused("203.0.113.7", "/api/v1/auth/login");
		assertThat(trail).as("a new window starts with a record of its own").hasSize(4);
		assertThat(trail.get(3).details()).containsEntry("path", "/api/v1/auth/login");
	}

	@Test
	void aWindowOverIsCountedAtTheNextRefusalAndTheAddressesOfOneBannedNetworkShareIt() {
		refusals.refused("2001:db8:1:2::10", "/a");
		refusals.refused("2001:db8:1:2::11", "/b");
		refusals.refused("2001:db8:1:2:ffff::1", "/c");
		assertThat(trail).as("one /64, as the defender bans it").hasSize(1);

		nanos.addAndGet(RefusalAudit.WINDOW.toNanos());
		refusals.refused("2001:db8:1:2::12", "/d");

		assertThat(trail).hasSize(3);
		assertThat(trail.get(1).details()).containsEntry("repeated", 2L);
		assertThat(trail.get(2).details()).containsEntry("path", "/d");
	}

	@Test
	void aStoppingNodeRecordsTheCountsOfTheOpenWindows() {
		refusals.refused("203.0.113.9", "/a");
		refusals.refused("203.0.113.9", "/b");
		refusals.refused("203.0.113.9", "/c");

		refusals.destroy();

		assertThat(trail).hasSize(2);
		assertThat(trail.get(1).details()).containsEntry("repeated", 2L);
	}

}
