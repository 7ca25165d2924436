/**
 * Download tickets (the {@code download_tickets} table): issuing them to sign-in and
 * share sessions, redeeming them on the download routes other modules declare as
 * {@link dev.ferry.TicketRoute} beans, and the high-water mark that stops a spent ticket
 * from fetching a file twice. Other modules use them through
 * {@link dev.ferry.auth.DownloadTickets}.
 */
@ApplicationModule(displayName = "Auth: download tickets", allowedDependencies = { "audit", "auth", "crypto" })
package dev.ferry.auth.ticket;

import org.springframework.modulith.ApplicationModule;
