package dev.ferry.share;

import dev.ferry.PublicPaths;
import dev.ferry.TicketRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The share module's public endpoints and the download routes that accept download
 * tickets.
 */
@Configuration(proxyBeanMethods = false)
class ShareRoutes {

	private static final String FILE_ID = "[A-Za-z0-9-]{1,64}";

	/**
	 * Share pages and public upload requests carry visitor sessions, not account
	 * credentials, as their bearer: those are this module's to check.
	 */
	@Bean
	PublicPaths visitorEndpoints() {
		return PublicPaths.withOwnCredentials("/api/v1/share/**", "/api/v1/upload-requests/public/**");
	}

	@Bean
	TicketRoute sharedWithMeDownload() {
		return TicketRoute.account("/api/v1/shared-with-me/files/" + FILE_ID + "/download", true);
	}

	@Bean
	TicketRoute shareFileDownload() {
		return TicketRoute.shareSession("/api/v1/share/[^/]+/files/" + FILE_ID + "/download", true);
	}

	/** A ZIP is streamed as it is built, so it cannot resume. */
	@Bean
	TicketRoute shareZipDownload() {
		return TicketRoute.shareSession("/api/v1/share/[^/]+/download", false);
	}

}
