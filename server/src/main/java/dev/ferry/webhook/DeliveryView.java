package dev.ferry.webhook;

import java.time.Instant;

/** One entry of a webhook's delivery log. */
record DeliveryView(String id, String eventType, String status, int attempts, Integer responseCode, String lastError,
		Instant createdAt, Instant deliveredAt) {

	static DeliveryView of(DeliveryRepository.Delivery delivery) {
		return new DeliveryView(delivery.id().toString(), delivery.eventType(), delivery.status(), delivery.attempts(),
				delivery.responseCode(), delivery.lastError(), delivery.createdAt(), delivery.deliveredAt());
	}

}
