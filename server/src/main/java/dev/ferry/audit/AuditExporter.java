package dev.ferry.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Streams the records a filter selects, oldest first, one page at a time, up to a seq
 * fixed when the export starts (so the export is a stable slice even while the trail
 * grows, and never contains its own audit record).
 */
@Component
class AuditExporter {

	static final int PAGE_SIZE = 500;

	private final AuditReader reader;

	private final JsonMapper json;

	AuditExporter(AuditReader reader, JsonMapper json) {
		this.reader = reader;
		this.json = json;
	}

	void write(AuditFilter filter, ExportFormat format, long untilSeq, OutputStream out) throws IOException {
		write(filter, format, untilSeq, out, false);
	}

	/** With {@code maskPii}, every record is written through {@link PiiMask}. */
	void write(AuditFilter filter, ExportFormat format, long untilSeq, OutputStream out, boolean maskPii)
			throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		if (format == ExportFormat.CSV) {
			writer.write(AuditCsv.header());
		}
		long afterSeq = 0;
		List<AuditRecord> page;
		do {
			page = reader.oldestFirst(filter, afterSeq, untilSeq, PAGE_SIZE);
			for (AuditRecord record : page) {
				writer.write(line(maskPii ? PiiMask.apply(record) : record, format));
				afterSeq = record.seq();
			}
			writer.flush();
		}
		while (page.size() == PAGE_SIZE);
	}

	private String line(AuditRecord record, ExportFormat format) {
		return (format == ExportFormat.CSV) ? AuditCsv.row(record)
				: json.writeValueAsString(AuditItem.of(record, json)) + "\n";
	}

}
