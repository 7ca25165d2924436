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

@Component
class SubjectRecords implements AuditSubjectAccess {

	private final AuditReader reader;

	private final JsonMapper json;

	SubjectRecords(AuditReader reader, JsonMapper json) {
		this.reader = reader;
		this.json = json;
	}

	@Override
	public void writeAbout(String userId, String email, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		long after = 0;
		for (List<AuditRecord> page = reader.mentioning(userId, email, after, AuditChainVerifier.PAGE_SIZE); !page
			.isEmpty(); page = reader.mentioning(userId, email, after, AuditChainVerifier.PAGE_SIZE)) {
			for (AuditRecord record : page) {
				if (PersonalMentions.concern(record, userId, email)) {
					AuditItem item = AuditItem.of(record, json);
					boolean ownAct = userId.equals(record.actorId())
							|| email.equalsIgnoreCase(String.valueOf(record.actorLabel()));
					writer.write(json.writeValueAsString(ownAct ? item : item.withoutTheActor()));
					writer.write('\n');
				}
				after = record.seq();
			}
			writer.flush();
		}
	}

}
