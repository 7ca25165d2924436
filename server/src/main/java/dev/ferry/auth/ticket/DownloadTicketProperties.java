package dev.ferry.auth.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Download tickets: {@code ttl} is how long a new ticket may start its download;
 * {@code resumeWindow} how long after that start the browser's download manager may
 * resume it with ranged requests.
 */
@ConfigurationProperties("ferry.download-tickets")
record DownloadTicketProperties(@DefaultValue("60s") Duration ttl, @DefaultValue("1h") Duration resumeWindow) {
}
