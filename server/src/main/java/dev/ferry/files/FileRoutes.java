package dev.ferry.files;

import dev.ferry.TicketRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The files module's download route that accepts download tickets. */
@Configuration(proxyBeanMethods = false)
class FileRoutes {

	@Bean
	TicketRoute fileDownload() {
		return TicketRoute.account("/api/v1/files/[A-Za-z0-9-]{1,64}/download", true);
	}

	/**
	 * One older version, so the web UI's version list downloads it natively like the
	 * file.
	 */
	@Bean
	TicketRoute fileVersionDownload() {
		return TicketRoute.account("/api/v1/files/[A-Za-z0-9-]{1,64}/versions/[1-9][0-9]{0,8}/download", true);
	}

	/**
	 * A registered ZIP set ({@link ZipSets}), so the files page's Download as ZIP is a
	 * native download; a ZIP is written as it is sent, so it cannot resume.
	 */
	@Bean
	TicketRoute zipSetDownload() {
		return TicketRoute.account("/api/v1/files/zips/[A-Za-z0-9-]{1,64}/download", false);
	}

}
