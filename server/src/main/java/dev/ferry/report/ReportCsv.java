package dev.ferry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.ferry.audit.AuditReport.ActionCount;

/**
 * The report as CSV ({@code kind,name,outcome,count}): the period, the chain, the
 * sections, then every action. Action names are fixed identifiers, never user text.
 */
final class ReportCsv {

	private ReportCsv() {
	}

	static void write(ComplianceReport report, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write("kind,name,outcome,count\r\n");
		writer.write("period,from," + report.from() + ",\r\n");
		writer.write("period,to," + report.to() + ",\r\n");
		writer.write("chain," + (report.chain().valid() ? "verified" : "broken") + ","
				+ (report.chain().reason() != null ? report.chain().reason() : "") + "," + report.chain().checked()
				+ "\r\n");
		for (var section : report.sections().entrySet()) {
			writer.write("section," + section.getKey().name().toLowerCase(java.util.Locale.ROOT) + ",,"
					+ section.getValue() + "\r\n");
		}
		for (ActionCount action : report.actions()) {
			writer.write("action," + action.action() + "," + action.outcome() + "," + action.count() + "\r\n");
		}
		writer.flush();
	}

}
