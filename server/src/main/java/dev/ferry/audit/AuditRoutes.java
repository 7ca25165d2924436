package dev.ferry.audit;

import dev.ferry.TicketRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A browser downloads an export with a download ticket; an export is written as it is
 * read, so it cannot resume.
 */
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

	@Bean
	TicketRoute auditExport() {
		return TicketRoute.account("/api/v1/admin/audit-logs/export", false);
	}

}
