package dev.ferry.files;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The upload policy: administrators set it, every upload path is held to the rules for
 * its owner's role. Types come from the content (Tika's detection on the first bytes,
 * without the name), never from the name or the declared type.
 * <p>
 * Every upload asks, several times, so the policy is kept in memory: a change made on
 * this node applies at once, one made on another node of a cluster within
 * {@link #CACHED_FOR}.
 */
@Service
class UploadRulesService implements UploadRules {

	static final Duration CACHED_FOR = Duration.ofSeconds(10);

	private final UploadPolicyRepository repository;

	private final ContentTypes types;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final JsonMapper json;

	private final LoadingCache<Boolean, UploadPolicyDocument> cache;

	UploadRulesService(UploadPolicyRepository repository, ContentTypes types, AccessPolicy access, AuditLog audit,
			TransactionOperations transactions, JsonMapper json) {
		this.repository = repository;
		this.types = types;
		this.access = access;
		this.audit = audit;
		this.transactions = transactions;
		this.json = json;
		this.cache = Caffeine.newBuilder().expireAfterWrite(CACHED_FOR).build((key) -> read());
	}

	UploadPolicyDocument policy(CurrentUser admin) {
		access.requireAdmin(admin, "upload_policy.read");
		return load();
	}

	/** The rules that apply to the caller, for clients that check before sending. */
	UserUploadPolicy policyFor(CurrentUser user) {
		return UserUploadPolicy.of(load(), user.role());
	}

	UploadPolicyDocument replace(CurrentUser admin, UploadPolicyDocument policy) {
		access.requireAdmin(admin, "upload_policy.updated");
		UploadPolicyValidation.check(policy);
		String stored = json.writeValueAsString(policy);
		if (stored.getBytes(StandardCharsets.UTF_8).length > UploadPolicyValidation.MAX_STORED_BYTES) {
			throw FileException.invalidPolicy("The policy is larger than the " + UploadPolicyValidation.MAX_STORED_BYTES
					+ " bytes of JSON Ferry stores: merge rules or shorten their lists.");
		}
		transactions.executeWithoutResult((status) -> {
			repository.replace(stored, Instant.now());
			audit.record(AuditEvent.success("upload_policy.updated").detail("rules", policy.rules().size()));
		});
		cache.invalidateAll();
		return load();
	}

	@Override
	public void checkName(CurrentUser owner, String name, long size) {
		List<UploadRule> rules = load().rules();
		for (int i = 0; i < rules.size(); i++) {
			UploadRule rule = rules.get(i);
			if (rule.appliesTo(owner.role())) {
				checkName(i + 1, rule, name, size);
			}
		}
	}

	@Override
	public boolean checksContent(CurrentUser owner) {
		return load().rules().stream().anyMatch((rule) -> rule.appliesTo(owner.role()) && rule.checksType());
	}

	@Override
	public void checkContent(CurrentUser owner, String name, byte[] head) {
		checkType(owner, name, () -> types.detectContent(head));
	}

	/** The whole policy for a stored blob: name, size, then type. */
	void check(CurrentUser owner, String name, long size, UUID blobId) {
		checkName(owner, name, size);
		checkType(owner, name, () -> types.detectContent(types.head(blobId, size)));
	}

	private void checkType(CurrentUser owner, String name, Supplier<String> detect) {
		List<UploadRule> rules = load().rules();
		String type = null;
		for (int i = 0; i < rules.size(); i++) {
			UploadRule rule = rules.get(i);
			if (!rule.appliesTo(owner.role()) || !rule.checksType()) {
				continue;
			}
			type = (type != null) ? type : detect.get();
			if (!rule.typeAllowed(type)) {
				throw refused(i + 1, rule, name, rule.allowedTypes().isEmpty()
						? "does not allow " + type + " files; this file's content is " + type + "." : "allows only "
								+ String.join(", ", rule.allowedTypes()) + "; this file's content is " + type + ".");
			}
		}
	}

	private void checkName(int index, UploadRule rule, String name, long size) {
		if (!rule.nameAllowed(name)) {
			throw refused(index, rule, name,
					rule.allowedExtensions().isEmpty()
							? "does not allow files ending in " + String.join(", ", rule.deniedExtensions()) + "."
							: "allows only files ending in " + String.join(", ", rule.allowedExtensions()) + ".");
		}
		if (size >= 0 && rule.minSize() != null && size < rule.minSize()) {
			throw refused(index, rule, name,
					"requires at least " + rule.minSize() + " bytes; this file has " + size + ".");
		}
		if (size >= 0 && rule.maxSize() != null && size > rule.maxSize()) {
			throw refused(index, rule, name,
					"allows at most " + rule.maxSize() + " bytes; this file has " + size + ".");
		}
	}

	private FileException refused(int index, UploadRule rule, String name, String reason) {
		audit.record(AuditEvent.failure("upload.refused")
			.detail("name", name)
			.detail("rule", index)
			.detail("reason", reason));
		return FileException.policyRefused(index, rule, reason);
	}

	private UploadPolicyDocument load() {
		return cache.get(Boolean.TRUE);
	}

	private UploadPolicyDocument read() {
		return repository.rules()
			.map((text) -> json.readValue(text, UploadPolicyDocument.class))
			.orElse(UploadPolicyDocument.EMPTY);
	}

}
