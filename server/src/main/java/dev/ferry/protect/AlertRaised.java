package dev.ferry.protect;

/**
 * Published when an alert is raised, for listeners such as webhooks: the alert's id,
 * kind, subject and detail.
 */
public record AlertRaised(String id, String kind, String subject, String detail) {
}
