package dev.ferry.pii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FilePii;

import org.springframework.stereotype.Service;

/**
 * The administrator's policy on public sharing of files with personal data
 * ({@code FERRY_PII_BLOCK_PUBLIC_SHARING}): when on, a public share link to a set of
 * files is refused (409 {@code /problems/pii-sharing-blocked}, audited as a denied
 * {@code share.created}) while any of them is flagged or still waits for its scan.
 */
@Service
public class PiiSharing {

	private final PiiProperties properties;

	private final FilePii flags;

	private final PiiRepository scans;

	private final AuditLog audit;

	PiiSharing(PiiProperties properties, FilePii flags, PiiRepository scans, AuditLog audit) {
		this.properties = properties;
		this.flags = flags;
		this.scans = scans;
		this.audit = audit;
	}

	/**
	 * Refuses a public link to {@code fileIds} of {@code transferId} if the policy says
	 * so.
	 */
	public void ensurePublicSharingAllowed(UUID transferId, Collection<UUID> fileIds) {
		if (!properties.blockPublicSharing() || !properties.enabled()) {
			return;
		}
		Map<UUID, List<String>> flagged = flags.flagged(fileIds);
		if (!flagged.isEmpty()) {
			TreeSet<String> kinds = new TreeSet<>();
			flagged.values().forEach(kinds::addAll);
			deny(transferId, "pii_flagged", flagged.keySet());
			throw PiiException.blocked("The policy refuses public links to files with personal data: " + flagged.size()
					+ " of these files are flagged (" + String.join(", ", kinds)
					+ "). Share them with named users instead, or remove the data.", ids(flagged.keySet()));
		}
		List<UUID> pending = scans.pending(fileIds);
		if (!pending.isEmpty()) {
			deny(transferId, "pii_scan_pending", pending);
			throw PiiException.blocked("The policy refuses public links to files not yet checked for personal data: "
					+ pending.size() + " of these files are still being scanned. Try again in a moment.", ids(pending));
		}
	}

	private void deny(UUID transferId, String reason, Collection<UUID> files) {
		audit.record(AuditEvent.denied("share.created")
			.object("transfer", transferId)
			.detail("reason", reason)
			.detail("files", String.join(",", ids(files))));
	}

	private static List<String> ids(Collection<UUID> files) {
		List<String> ids = new ArrayList<>();
		files.forEach((id) -> ids.add(id.toString()));
		return ids;
	}

}
