package dev.ferry.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites the personal fields of a person's records, a page at a time, keeping each
 * replaced value's commitment so {@link AuditChainVerifier} still finds every hash.
 */
@Service
class AuditPseudonymiser implements AuditErasure {

	static final String ERASED_DETAILS = "{\"erased\":true}";

	private static final int PAGE = 500;

	private final AuditReader reader;

	private final AuditChain chain;

	private final AuditRedactions redactions;

	private final AuditRepository repository;

	private final JdbcClient jdbc;

	AuditPseudonymiser(AuditReader reader, AuditChain chain, AuditRedactions redactions, AuditRepository repository,
			JdbcClient jdbc) {
		this.reader = reader;
		this.chain = chain;
		this.redactions = redactions;
		this.repository = repository;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public String pseudonymise(String userId, String email) {
		String pseudonym = chain.pseudonym(userId);
		long after = repository.commitFrom() - 1;
		for (List<AuditRecord> page = reader.mentioning(userId, email, after, PAGE); !page.isEmpty(); page = reader
			.mentioning(userId, email, after, PAGE)) {
			for (AuditRecord record : page) {
				rewrite(record, userId, email, pseudonym);
				after = record.seq();
			}
		}
		return pseudonym;
	}

	private void rewrite(AuditRecord record, String userId, String email, String pseudonym) {
		Map<String, String> commitments = new LinkedHashMap<>();
		Erased erased = new Erased(record);
		if (userId.equals(record.actorId()) || email.equalsIgnoreCase(Objects.toString(record.actorLabel(), ""))) {
			commit(commitments, "actor_id", record.actorId());
			commit(commitments, "actor_label", record.actorLabel());
			commit(commitments, "ip", record.ip());
			commit(commitments, "user_agent", record.userAgent());
			commit(commitments, "details", record.details());
			erased.actorId = (record.actorId() != null) ? pseudonym : null;
			erased.actorLabel = pseudonym;
			erased.ip = null;
			erased.userAgent = null;
			erased.details = ERASED_DETAILS;
		}
		else if (record.details() != null) {
			String details = PersonalMentions.replace(record.details(), userId, email, pseudonym);
			if (!details.equals(record.details())) {
				commit(commitments, "details", record.details());
				erased.details = details;
				// Nobody signed in made it (a reset asked for the person's address, a
				// sign-in that failed): the address and browser are most likely the
				// person's own. Someone else's record keeps theirs.
				if (record.actorId() == null) {
					commit(commitments, "ip", record.ip());
					commit(commitments, "user_agent", record.userAgent());
					erased.ip = null;
					erased.userAgent = null;
				}
			}
		}
		if ("user".equals(record.objectType()) && userId.equals(record.objectId())) {
			commit(commitments, "object_id", record.objectId());
			erased.objectId = pseudonym;
		}
		if (commitments.isEmpty()) {
			return;
		}
		redactions.add(record.seq(), commitments);
		jdbc.sql("""
				UPDATE audit_log SET actor_id = ?, actor_label = ?, object_id = ?, ip = ?, user_agent = ?, details = ?
				WHERE seq = ?""")
			.params(erased.actorId, erased.actorLabel, erased.objectId, erased.ip, erased.userAgent, erased.details,
					record.seq())
			.update();
	}

	private void commit(Map<String, String> commitments, String field, String value) {
		commitments.put(field, chain.commitment(field, value));
	}

	/** The personal fields as they will be stored. */
	private static final class Erased {

		private String actorId;

		private String actorLabel;

		private String objectId;

		private String ip;

		private String userAgent;

		private String details;

		private Erased(AuditRecord record) {
			this.actorId = record.actorId();
			this.actorLabel = record.actorLabel();
			this.objectId = record.objectId();
			this.ip = record.ip();
			this.userAgent = record.userAgent();
			this.details = record.details();
		}

	}

}
