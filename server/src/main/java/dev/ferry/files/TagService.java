package dev.ferry.files;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ferry.Names;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Tags people put on their own files to find them again ({@code GET /files?tag=}). Tags
 * are trimmed and lower-cased, so {@code Invoices} and {@code invoices} are one tag; only
 * the owner sees or sets them.
 */
@Service
class TagService {

	static final int MAX_TAGS = 20;

	static final int MAX_LENGTH = 64;

	private final FileService files;

	private final TagRepository tags;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final TransactionOperations transactions;

	TagService(FileService files, TagRepository tags, AuditLog audit, AccessPolicy access,
			TransactionOperations transactions) {
		this.files = files;
		this.tags = tags;
		this.audit = audit;
		this.access = access;
		this.transactions = transactions;
	}

	List<String> of(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.READ, "file.read");
		return tags.of(files.find(owner, id, "file.read").id());
	}

	/** Replaces the file's tags with {@code wanted}. */
	List<String> set(CurrentUser owner, String id, List<String> wanted) {
		return change(owner, id, wanted, true);
	}

	/** Adds {@code wanted} to the file's tags. */
	List<String> add(CurrentUser owner, String id, List<String> wanted) {
		return change(owner, id, wanted, false);
	}

	List<TagRepository.TagCount> counts(CurrentUser owner) {
		access.requireScope(owner, Scope.READ, "file.listed");
		return tags.counts(owner.userId());
	}

	private List<String> change(CurrentUser owner, String id, List<String> wanted, boolean replace) {
		access.requireScope(owner, Scope.WRITE, "file.tagged");
		Set<String> clean = clean(wanted);
		FileRecord file = files.find(owner, id, "file.tagged");
		transactions.executeWithoutResult((status) -> {
			if (replace) {
				tags.clear(file.id());
			}
			clean.forEach((tag) -> tags.add(file.id(), owner.userId(), tag));
			audit.record(AuditEvent.success("file.tagged")
				.object("file", file.id())
				.detail("tags", String.join(",", clean))
				.detail("replace", replace));
		});
		return tags.of(file.id());
	}

	/** Trimmed, lower-cased, de-duplicated; 400 for a bad tag or too many. */
	static Set<String> clean(List<String> wanted) {
		if (wanted == null || wanted.size() > MAX_TAGS) {
			throw invalid("Send 'tags' as a list of at most " + MAX_TAGS + " tags.");
		}
		Set<String> clean = new LinkedHashSet<>();
		for (String tag : wanted) {
			String value = (tag != null) ? tag.strip().toLowerCase(Locale.ROOT) : "";
			if (value.isEmpty() || value.length() > MAX_LENGTH || value.contains(",")) {
				throw invalid("A tag is 1 to " + MAX_LENGTH + " characters without commas.");
			}
			Names.flaw(value).ifPresent((flaw) -> {
				throw invalid("The tag " + flaw + ".");
			});
			clean.add(value);
		}
		return clean;
	}

	private static FileException invalid(String detail) {
		return new FileException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-tags", "Invalid tags",
				detail);
	}

}
