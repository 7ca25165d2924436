package dev.ferry.gdpr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.ferry.ProblemException;
import dev.ferry.ZipArchiveStream;
import dev.ferry.audit.AuditSubjectAccess;
import dev.ferry.auth.PersonalData;
import dev.ferry.auth.User;
import dev.ferry.files.FileContent;
import dev.ferry.files.OwnedFiles;
import dev.ferry.files.OwnedFiles.OwnedFile;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes one account's export ZIP: {@code <section>.json} from every module's
 * {@link PersonalData}, {@code audit.jsonl} (the records about the person),
 * {@code files.json} (the list) and {@code files/<path>} (the content, streamed from the
 * encrypted store a file at a time). A file that may not be served (quarantined, not yet
 * scanned) gets {@code files/<path>.withheld.txt} saying why instead.
 */
@Component
class ExportArchive {

	private static final int PAGE = 200;

	private final List<PersonalData> sections;

	private final AuditSubjectAccess audit;

	private final OwnedFiles files;

	private final FileContent content;

	private final JsonMapper json;

	ExportArchive(List<PersonalData> sections, AuditSubjectAccess audit, OwnedFiles files, FileContent content,
			JsonMapper json) {
		this.sections = sections;
		this.audit = audit;
		this.files = files;
		this.content = content;
		this.json = json;
	}

	void write(User user, OutputStream out) throws IOException {
		ZipArchiveStream zip = new ZipArchiveStream(out, StandardCharsets.UTF_8);
		try {
			for (PersonalData section : sections) {
				entry(zip, section.section() + ".json", json.writeValueAsBytes(section.about(user.id())));
			}
			zip.putNextEntry(new ZipEntry("audit.jsonl"));
			audit.writeAbout(user.id().toString(), user.email(), zip);
			zip.closeEntry();
			writeList(zip, user.id());
			writeContents(zip, user.id());
			zip.finish();
		}
		finally {
			zip.release();
		}
	}

	private void writeList(ZipOutputStream zip, UUID owner) throws IOException {
		zip.putNextEntry(new ZipEntry("files.json"));
		zip.write('[');
		boolean first = true;
		String after = "";
		for (List<OwnedFile> page = files.page(owner, after, PAGE); !page.isEmpty(); page = files.page(owner, after,
				PAGE)) {
			for (OwnedFile file : page) {
				if (!first) {
					zip.write(',');
				}
				zip.write(json.writeValueAsBytes(file));
				first = false;
				after = file.id().toString();
			}
		}
		zip.write(']');
		zip.closeEntry();
	}

	private void writeContents(ZipOutputStream zip, UUID owner) throws IOException {
		// A withheld file's note (x.pdf.withheld.txt) may have the path of a real file:
		// a second entry of one name would fail the whole export.
		Set<String> names = new HashSet<>();
		String after = "";
		for (List<OwnedFile> page = files.page(owner, after, PAGE); !page.isEmpty(); page = files.page(owner, after,
				PAGE)) {
			for (OwnedFile file : page) {
				copy(zip, owner, file, names);
				after = file.id().toString();
			}
		}
	}

	private void copy(ZipOutputStream zip, UUID owner, OwnedFile file, Set<String> names) throws IOException {
		String name = "files" + file.path();
		if (!file.allowedIps().isEmpty()) {
			// Served only to requests from those networks, while an export is built
			// outside any request and downloaded from wherever its link is opened.
			entry(zip, unique(names, name + ".withheld.txt"),
					("Not included: its downloads are limited to the networks " + String.join(", ", file.allowedIps())
							+ "; download it from one of them.\n")
						.getBytes(StandardCharsets.UTF_8));
			return;
		}
		InputStream body;
		try {
			body = content.open(owner, file.id());
		}
		catch (ProblemException ex) {
			entry(zip, unique(names, name + ".withheld.txt"),
					("Not included: " + ex.getBody().getDetail() + "\n").getBytes(StandardCharsets.UTF_8));
			return;
		}
		try (body) {
			zip.putNextEntry(new ZipEntry(unique(names, name)));
			body.transferTo(zip);
			zip.closeEntry();
		}
	}

	/**
	 * {@code name}, or it with " (2)", " (3)"... appended when an entry has it already.
	 */
	private static String unique(Set<String> names, String name) {
		String candidate = name;
		for (int n = 2; !names.add(candidate); n++) {
			candidate = name + " (" + n + ")";
		}
		return candidate;
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

}
