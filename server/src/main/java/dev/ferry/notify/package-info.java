/**
 * Outgoing mail: templates, a database outbox and the background sender. Other modules
 * only see {@link dev.ferry.notify.Mailer}.
 */
@ApplicationModule(allowedDependencies = { "crypto", "i18n", "jobs" })
package dev.ferry.notify;

import org.springframework.modulith.ApplicationModule;
