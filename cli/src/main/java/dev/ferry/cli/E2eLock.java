package dev.ferry.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Who can open an end-to-end encrypted transfer the CLI sends, in the web UI's three key
 * modes: a fresh link key that travels in the link's fragment, a passphrase (age scrypt),
 * or the public {@code age1…} recipients of people with an age key on the server, so that
 * no secret travels at all.
 */
final class E2eLock {

	private final AgeIdentity linkKey;

	private final AgePassphrase passphrase;

	private final List<String> recipients;

	private E2eLock(AgeIdentity linkKey, AgePassphrase passphrase, List<String> recipients) {
		this.linkKey = linkKey;
		this.passphrase = passphrase;
		this.recipients = recipients;
	}

	static E2eLock linkKey() {
		AgeIdentity identity = AgeIdentity.generate();
		return new E2eLock(identity, null, List.of(identity.recipient()));
	}

	static E2eLock passphrase(AgePassphrase passphrase) {
		return new E2eLock(null, passphrase, List.of());
	}

	/**
	 * Each person is an {@code age1…} recipient as given, or an email address whose
	 * recipient the server keeps (they created their key in the web UI).
	 */
	static E2eLock people(Api api, List<String> people) {
		List<String> recipients = new ArrayList<>();
		for (String person : people) {
			recipients.add(person.startsWith("age1") ? checked(person) : lookUp(api, person));
		}
		return new E2eLock(null, null, List.copyOf(recipients));
	}

	OutputStream seal(OutputStream out) throws IOException {
		return (passphrase != null) ? new AgeEncrypt(out, passphrase) : new AgeEncrypt(out, recipients);
	}

	/**
	 * The link, with the key as its fragment in link-key mode (browsers never send it).
	 */
	String link(String url) {
		return (linkKey != null) ? url + "#" + linkKey.secret() : url;
	}

	private static String checked(String recipient) {
		try {
			if (Bech32.decode("age", recipient).length == 32) {
				return recipient;
			}
		}
		catch (IllegalArgumentException ex) {
			// the same sentence as a wrong length
		}
		throw new CliException(ExitCode.USAGE, recipient + " is not an age X25519 recipient (age1...).");
	}

	private static String lookUp(Api api, String email) {
		try {
			return checked(api.get("/api/v1/e2e/recipients?email=" + Api.query(email)).path("recipient").asString());
		}
		catch (CliException ex) {
			if (ex.exitCode() == ExitCode.NOT_FOUND) {
				throw new CliException(ExitCode.NOT_FOUND, email + " has no end-to-end encryption key on this server "
						+ "(they create one in the web UI), or no account.");
			}
			throw ex;
		}
	}

}
