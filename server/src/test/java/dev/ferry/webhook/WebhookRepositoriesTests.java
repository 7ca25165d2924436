package dev.ferry.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.crypto.TestSecrets;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks table's counting and key rotation on SQLite, a real PostgreSQL and a real
 * MariaDB (which assigns an UPDATE's columns left to right).
 */
class WebhookRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theFailureThatReachesTheLimitDisablesTheHookAndOnlyThatOne(Vendor vendor, JdbcClient jdbc) {
		WebhookRepository hooks = new WebhookRepository(jdbc, TestSecrets.kek());
		UUID id = hook(hooks, jdbc, key("first"));

		assertThat(hooks.failed(id, 3, NOW)).isFalse();
		assertThat(hooks.failed(id, 3, NOW)).isFalse();
		assertThat(hooks.find(id).orElseThrow().enabled()).as("two failures of three").isTrue();
		assertThat(hooks.failed(id, 3, NOW)).as("the third of three").isTrue();
		assertThat(hooks.failed(id, 3, NOW)).as("off already: nobody is told twice").isFalse();
		WebhookRepository.Webhook after = hooks.find(id).orElseThrow();
		assertThat(after.enabled()).isFalse();
		assertThat(after.failures()).isEqualTo(4);
	}

	/**
	 * An edit read before the deliveries disabled the hook: a new address keeps it off;
	 * only an edit that switches it on again turns it on.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anEditReadBeforeTheHookWasDisabledKeepsItOff(Vendor vendor, JdbcClient jdbc) {
		WebhookRepository hooks = new WebhookRepository(jdbc, TestSecrets.kek());
		UUID id = hook(hooks, jdbc, key("first"));
		WebhookRepository.Webhook read = hooks.find(id).orElseThrow();
		assertThat(hooks.failed(id, 1, NOW)).isTrue();

		hooks.update(new WebhookRepository.Webhook(id, read.ownerId(), false, "https://hooks.example/moved",
				read.events(), true, 0, read.createdAt(), NOW), false);
		WebhookRepository.Webhook moved = hooks.find(id).orElseThrow();
		assertThat(moved.url()).isEqualTo("https://hooks.example/moved");
		assertThat(moved.enabled()).as("still off").isFalse();

		hooks.update(new WebhookRepository.Webhook(id, read.ownerId(), false, moved.url(), read.events(), true, 0,
				read.createdAt(), NOW), true);
		assertThat(hooks.find(id).orElseThrow().enabled()).isTrue();
		assertThat(hooks.find(id).orElseThrow().failures()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void everyRotationKeepsTheKeyBeforeItUntilTheOverlapEnds(Vendor vendor, JdbcClient jdbc) {
		WebhookRepository hooks = new WebhookRepository(jdbc, TestSecrets.kek());
		UUID id = hook(hooks, jdbc, key("first"));
		Instant until = NOW.plus(Duration.ofHours(24));

		hooks.rotate(id, key("second"), until, NOW);
		assertThat(hooks.keys(id, NOW)).containsExactly(key("second"), key("first"));
		hooks.rotate(id, key("third"), until, NOW);
		assertThat(hooks.keys(id, NOW)).containsExactly(key("third"), key("second"));
		assertThat(hooks.keys(id, until)).containsExactly(key("third"));
	}

	/**
	 * The delivery log forgets finished deliveries past the cutoff, never a pending one.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void onlyFinishedDeliveriesPastTheCutoffAreForgotten(Vendor vendor, JdbcClient jdbc) {
		WebhookRepository hooks = new WebhookRepository(jdbc, TestSecrets.kek());
		DeliveryRepository deliveries = new DeliveryRepository(jdbc);
		UUID hook = hook(hooks, jdbc, key("log"));
		Instant old = NOW.minus(DeliveryLogCleanupJob.KEPT).minusSeconds(60);
		UUID delivered = delivery(deliveries, jdbc, hook, old, DeliveryRepository.DELIVERED);
		UUID failed = delivery(deliveries, jdbc, hook, old, DeliveryRepository.FAILED);
		UUID pending = delivery(deliveries, jdbc, hook, old, DeliveryRepository.PENDING);
		UUID recent = delivery(deliveries, jdbc, hook, NOW, DeliveryRepository.DELIVERED);

		assertThat(deliveries.deleteFinishedBefore(NOW.minus(DeliveryLogCleanupJob.KEPT))).isEqualTo(2);
		assertThat(deliveries.find(delivered)).isEmpty();
		assertThat(deliveries.find(failed)).isEmpty();
		assertThat(deliveries.find(pending)).as("still being attempted").isPresent();
		assertThat(deliveries.find(recent)).isPresent();
	}

	private static UUID delivery(DeliveryRepository deliveries, JdbcClient jdbc, UUID hook, Instant at, String status) {
		UUID id = UUID.randomUUID();
		deliveries.insert(id, hook, "file.uploaded", "{}", at);
		jdbc.sql("UPDATE webhook_deliveries SET status = ? WHERE id = ?").params(status, id.toString()).update();
		return id;
	}

	private static UUID hook(WebhookRepository hooks, JdbcClient jdbc, byte[] key) {
		UUID owner = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(owner, "hooks-" + owner + "@repo.test", null, null, Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		UUID id = UUID.randomUUID();
		hooks.insert(new WebhookRepository.Webhook(id, owner, false, "https://hooks.example/" + id,
				List.of("file.uploaded"), true, 0, NOW, NOW), key);
		return id;
	}

	private static byte[] key(String name) {
		return (name + "-key-of-32-bytes-for-tests-only!!").substring(0, 32).getBytes(StandardCharsets.US_ASCII);
	}

}
