/**
 * Webhooks: accounts (and admins, for every account) register endpoints for events; each
 * event is signed per Standard Webhooks and delivered by a background worker with
 * exponential backoff, never to private or loopback addresses unless allowed.
 */
@ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "audit", "auth", "crypto", "files", "jobs", "notify", "protect", "share", "upload" })
package dev.ferry.webhook;

import org.springframework.modulith.ApplicationModule;
