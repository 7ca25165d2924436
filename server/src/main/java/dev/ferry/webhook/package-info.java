/**
 * Webhooks: accounts (and admins, for every account) register endpoints for events; each
 * event is signed per Standard Webhooks and delivered by a background worker with
 * exponential backoff, never to private or loopback addresses unless allowed.
 */
@ApplicationModule(displayName = "Webhooks")
package dev.ferry.webhook;

import org.springframework.modulith.ApplicationModule;
