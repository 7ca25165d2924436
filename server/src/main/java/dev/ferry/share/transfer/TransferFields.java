package dev.ferry.share.transfer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.ferry.Names;
import dev.ferry.share.EmailAddresses;
import dev.ferry.share.ShareException;

/** Checks and normalises what a sender types into a transfer; refuses the rest. */
public final class TransferFields {

	static final int MAX_RECIPIENTS = 100;

	private TransferFields() {
	}

	/** Distinct, normalised addresses; none when {@code emails} is null. */
	public static List<String> recipients(List<String> emails) {
		if (emails == null) {
			return List.of();
		}
		if (emails.size() > MAX_RECIPIENTS) {
			throw ShareException.invalid("A transfer has at most " + MAX_RECIPIENTS + " recipients.");
		}
		Set<String> unique = new LinkedHashSet<>();
		for (String email : emails) {
			String normalized = EmailAddresses.normalize(email);
			if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
				throw ShareException.invalid("'" + email + "' is not an email address.");
			}
			unique.add(normalized);
		}
		return List.copyOf(unique);
	}

	static String title(String title) {
		if (title == null || title.isBlank() || title.length() > 200) {
			throw ShareException.invalid("title is required, at most 200 characters.");
		}
		Names.flaw(title).ifPresent((flaw) -> {
			throw ShareException.invalid("title " + flaw + ".");
		});
		return title.strip();
	}

	public static String message(String message) {
		if (message != null && message.length() > 10_000) {
			throw ShareException.invalid("message may have at most 10000 characters.");
		}
		return message;
	}

	static Transfer.Status parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return switch (status) {
			case "active" -> Transfer.Status.ACTIVE;
			case "expired" -> Transfer.Status.EXPIRED;
			case "revoked" -> Transfer.Status.REVOKED;
			default -> throw ShareException.invalid("status must be active, expired or revoked.");
		};
	}

}
