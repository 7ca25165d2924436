/**
 * Outgoing mail: templates, a database outbox and the background sender. Other modules
 * only see {@link dev.ferry.notify.Mailer}.
 */
package dev.ferry.notify;
