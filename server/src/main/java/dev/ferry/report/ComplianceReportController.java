package dev.ferry.report;

import java.io.IOException;
import java.time.Instant;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "report")
@RestController
class ComplianceReportController {

	private final ComplianceReports reports;

	ComplianceReportController(ComplianceReports reports) {
		this.reports = reports;
	}

	@BinaryAnswer({ "application/pdf", "text/csv" })
	@Operation(operationId = "complianceReport",
			summary = "A period's compliance report (accesses, shares, deletions, failures, alerts, policy changes, chain)")
	@GetMapping("/api/v1/admin/reports/compliance")
	void report(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "pdf") String format,
			HttpServletResponse response) throws IOException {
		ComplianceReport report = reports.build(caller, from, to, format);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"ferry-compliance-report." + format + "\"");
		if ("csv".equals(format)) {
			response.setContentType("text/csv;charset=UTF-8");
			ReportCsv.write(report, response.getOutputStream());
		}
		else {
			response.setContentType("application/pdf");
			ReportPdf.write(report, response.getOutputStream());
		}
	}

}
