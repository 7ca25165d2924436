package dev.ferry.notify;

import java.util.UUID;

/** One queued message of {@code mail_outbox}. */
record OutboxMessage(UUID id, String recipient, String subject, String textBody, String htmlBody, int attempts) {
}
