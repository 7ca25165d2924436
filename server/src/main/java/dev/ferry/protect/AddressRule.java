package dev.ferry.protect;

import java.time.Instant;
import java.util.UUID;

/** An administrator's permanent rule for a network: always allowed or always refused. */
record AddressRule(UUID id, Cidr network, Kind kind, String note, Instant createdAt) {

	enum Kind {

		ALLOW, DENY

	}

}
