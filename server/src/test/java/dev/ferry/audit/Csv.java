package dev.ferry.audit;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader, so tests check the export the way a spreadsheet reads it. */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				if (cell.length() > 0) {
					throw new IllegalArgumentException("quote inside an unquoted cell at " + i);
				}
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted || cell.length() > 0 || !row.isEmpty()) {
			throw new IllegalArgumentException("CSV does not end with a complete CRLF-terminated row");
		}
		return rows;
	}

}
