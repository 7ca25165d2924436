package dev.ferry.report;

import dev.ferry.TicketRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A browser downloads a report with a download ticket; it is drawn as it is sent. */
@Configuration(proxyBeanMethods = false)
class ReportRoutes {

	@Bean
	TicketRoute complianceReport() {
		return TicketRoute.account("/api/v1/admin/reports/compliance", false);
	}

}
