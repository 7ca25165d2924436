package dev.ferry.sftp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.audit.AuditOrigin;
import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.ProtocolSignIn;
import dev.ferry.auth.User;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import org.springframework.stereotype.Component;

/**
 * SFTP sign-in; the user name is the account's email. A password alone works for accounts
 * without a second factor; accounts with TOTP answer keyboard-interactive's two prompts
 * (password, then code); a public key must be one the account added. Suspended accounts
 * are refused either way. The signed-in account is kept on the session.
 */
@Component
class SftpAuthenticator
		implements PasswordAuthenticator, KeyboardInteractiveAuthenticator, PublickeyAuthenticator, SessionListener {

	static final AttributeKey<CurrentUser> USER = new AttributeKey<>();

	private static final AttributeKey<KeySignIn> KEY_SIGN_IN = new AttributeKey<>();

	/** The key an authenticated session signed in with; none for a password. */
	private static final AttributeKey<UUID> SIGNED_IN_KEY = new AttributeKey<>();

	static final String PASSWORD_PROMPT = "Password: ";

	static final String CODE_PROMPT = "Two-factor code (empty if none): ";

	private final ProtocolSignIn signIn;

	private final Accounts accounts;

	private final SshKeys keys;

	private final AuditLog audit;

	private final AccountNetworkRules networkRules;

	SftpAuthenticator(ProtocolSignIn signIn, Accounts accounts, SshKeys keys, AuditLog audit,
			AccountNetworkRules networkRules) {
		this.networkRules = networkRules;
		this.signIn = signIn;
		this.accounts = accounts;
		this.keys = keys;
		this.audit = audit;
	}

	@Override
	public boolean authenticate(String username, String password, ServerSession session) {
		return signIn(session, username, password, null);
	}

	@Override
	public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang,
			String subMethods) {
		InteractiveChallenge challenge = new InteractiveChallenge();
		challenge.setInteractionName("Ferry");
		challenge.setInteractionInstruction("");
		challenge.addPrompt(PASSWORD_PROMPT, false);
		challenge.addPrompt(CODE_PROMPT, true);
		return challenge;
	}

	@Override
	public boolean authenticate(ServerSession session, String username, List<String> responses) {
		if (responses == null || responses.size() != 2) {
			return false;
		}
		return signIn(session, username, responses.get(0), responses.get(1));
	}

	@Override
	public boolean authenticate(String username, PublicKey key, ServerSession session) {
		return fromClient(session, () -> keySignIn(username, key, session));
	}

	private boolean keySignIn(String username, PublicKey key, ServerSession session) {
		KeySignIn earlier = session.removeAttribute(KEY_SIGN_IN);
		if (earlier != null && !KeyUtils.compareKeys(earlier.key(), key)) {
			unproven(earlier);
		}
		if (addressRefused(session)) {
			return false;
		}
		Optional<User> user = accounts.findByEmail(username);
		Optional<UUID> keyId = user.flatMap((u) -> keys.match(u.id(), key)).map(SshKeyRepository.SshKey::id);
		if (keyId.isEmpty()) {
			audit.record(AuditEvent.failure("auth.login")
				.by(user.map(User::auditActor).orElse(AuditActor.anonymous()))
				.detail("channel", "sftp")
				.detail("email", username)
				.detail("reason", "unknown_key"));
			return false;
		}
		Optional<String> refusal = signIn.keyRefusal(user.get());
		if (refusal.isPresent()) {
			audit.record(AuditEvent.denied("auth.login")
				.by(user.get().auditActor())
				.detail("channel", "sftp")
				.detail("method", "key")
				.detail("reason", refusal.get()));
			return false;
		}
		if (!admit(session, user.get())) {
			return false;
		}
		// MINA asks this before it checks the signature, and for a bare probe (a public
		// key anyone may know) too: the sign-in is recorded once the session is
		// authenticated (sessionEvent), a failure once the client tries something else
		// or leaves without a valid signature for the key.
		session.setAttribute(KEY_SIGN_IN, new KeySignIn(user.get(), keyId.get(), key));
		return true;
	}

	/** A key sign-in that passed: the signature checked, the session authenticated. */
	@Override
	public void sessionEvent(Session session, Event event) {
		if (event != Event.Authenticated || !(session instanceof ServerSession server)) {
			return;
		}
		KeySignIn signedIn = server.removeAttribute(KEY_SIGN_IN);
		if (signedIn == null) {
			return;
		}
		server.setAttribute(SIGNED_IN_KEY, signedIn.keyId());
		fromClient(server, () -> {
			keys.used(signedIn.keyId());
			audit.record(AuditEvent.success("auth.login")
				.by(signedIn.user().auditActor())
				.detail("channel", "sftp")
				.detail("method", "key"));
			return true;
		});
	}

	/** The connection ended with a key accepted but never proven by a signature. */
	@Override
	public void sessionClosed(Session session) {
		if (session instanceof ServerSession server) {
			KeySignIn unproven = server.removeAttribute(KEY_SIGN_IN);
			if (unproven != null) {
				fromClient(server, () -> unproven(unproven));
			}
		}
	}

	/**
	 * A registered key whose holder never proved it has the private key (no signature, or
	 * a wrong one): a failed sign-in of that account.
	 */
	private boolean unproven(KeySignIn attempt) {
		audit.record(AuditEvent.failure("auth.login")
			.by(attempt.user().auditActor())
			.detail("channel", "sftp")
			.detail("method", "key")
			.detail("reason", "key_not_proven"));
		return false;
	}

	private record KeySignIn(User user, UUID keyId, PublicKey key) {
	}

	private boolean signIn(ServerSession session, String username, String password, String code) {
		return fromClient(session, () -> passwordSignIn(session, username, password, code));
	}

	private boolean passwordSignIn(ServerSession session, String username, String password, String code) {
		// A key probed earlier in this connection is not how it signs in now.
		KeySignIn earlier = session.removeAttribute(KEY_SIGN_IN);
		if (earlier != null) {
			unproven(earlier);
		}
		if (addressRefused(session)) {
			return false;
		}
		try {
			Optional<User> user = signIn.check("sftp", username, password, code, client(session));
			return user.isPresent() && admit(session, user.get());
		}
		catch (ProblemException ex) {
			// Too many attempts: refused like a wrong password, already audited.
			return false;
		}
	}

	/**
	 * A banned address, or one an administrator denied, gets no further whatever it
	 * presents, as over HTTP.
	 */
	private boolean addressRefused(ServerSession session) {
		String ip = client(session).ip();
		if (ip == null || !networkRules.addressRefused(ip)) {
			return false;
		}
		audit.record(AuditEvent.denied("auth.login").detail("channel", "sftp").detail("reason", "address_banned"));
		return true;
	}

	/**
	 * Whether a session may still act: its account exists and is active, and the key it
	 * signed in with, if any, is still the account's.
	 */
	boolean stillStanding(AttributeRepository session) {
		CurrentUser user = session.getAttribute(USER);
		UUID key = session.getAttribute(SIGNED_IN_KEY);
		return user != null && accounts.find(user.userId()).filter(User::isActive).isPresent()
				&& (key == null || keys.stillRegistered(user.userId(), key));
	}

	/**
	 * The account's network rules decide last, after its credentials matched; a refusal
	 * is audited by them.
	 */
	private boolean admit(ServerSession session, User user) {
		if (networkRules.refusal(user.id(), client(session).ip(), "auth.login").isPresent()) {
			return false;
		}
		if (openSessions(session, user.id()) >= SftpServer.MAX_SESSIONS_PER_ACCOUNT) {
			audit.record(AuditEvent.denied("auth.login")
				.by(user.auditActor())
				.detail("channel", "sftp")
				.detail("reason", "too_many_sessions"));
			return false;
		}
		session.setAttribute(USER, principal(user));
		return true;
	}

	/**
	 * The account's other sessions, however its address was spelled in each: MINA's own
	 * limit counts user names as typed, and {@code Alice@x} is another name than
	 * {@code alice@x} for the same account.
	 */
	private static long openSessions(ServerSession session, UUID userId) {
		if (!(session.getFactoryManager() instanceof SshServer server)) {
			return 0;
		}
		return server.getActiveSessions()
			.stream()
			.filter((other) -> other != session)
			.map((other) -> other.getAttribute(USER))
			.filter((user) -> user != null && user.userId().equals(userId))
			.count();
	}

	private static CurrentUser principal(User user) {
		return new CurrentUser(user.id(), user.email(), user.name(), user.role(), user.role().scopes(), null, null);
	}

	/** Sign-in runs on the SSH server's I/O threads, which serve every session. */
	private static boolean fromClient(ServerSession session, Supplier<Boolean> signIn) {
		ClientInfo client = client(session);
		return AuditOrigin.during(client.ip(), client.userAgent(), signIn);
	}

	static ClientInfo client(ServerSession session) {
		SocketAddress address = session.getClientAddress();
		String ip = (address instanceof InetSocketAddress inet && inet.getAddress() != null)
				? inet.getAddress().getHostAddress() : null;
		return new ClientInfo(ip, session.getClientVersion(), null);
	}

}
