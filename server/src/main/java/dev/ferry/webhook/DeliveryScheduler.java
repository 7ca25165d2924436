package dev.ferry.webhook;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the delivery worker now and then on this node. */
@Component
class DeliveryScheduler {

	private final DeliveryWorker worker;

	DeliveryScheduler(DeliveryWorker worker) {
		this.worker = worker;
	}

	@Scheduled(fixedDelayString = "${ferry.webhooks.poll-interval:5s}",
			initialDelayString = "${ferry.webhooks.poll-interval:5s}")
	void poll() {
		worker.runDue();
	}

}
