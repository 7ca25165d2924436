package dev.ferry.auth.ldap;

import java.io.File;
import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * Talks to the directory with the UnboundID LDAP SDK: one connection per sign-in (plain,
 * StartTLS or LDAPS, the server's certificate and host name verified), the user's entry
 * searched as the service account, then a bind as that entry with the password, then the
 * groups searched as the service account again.
 *
 * <p>
 * A directory that did not answer (refused, timed out, hung up) is not asked again for
 * {@link #QUIET}: every sign-in meanwhile would wait out {@code FERRY_LDAP_TIMEOUT}, and
 * SFTP's sign-ins do so on the threads that serve every SFTP session. Those calls fail at
 * once as the directory being unavailable.
 */
class LdapDirectory {

	static final String NOT_IN_DIRECTORY = "not_in_directory";

	static final String DISABLED_IN_DIRECTORY = "disabled_in_directory";

	private static final String USER_ACCOUNT_CONTROL = "userAccountControl";

	private static final String ACCOUNT_LOCKED_TIME = "pwdAccountLockedTime";

	private static final long ACCOUNT_DISABLED = 2;

	private final LdapProperties properties;

	private final LDAPURL url;

	static final Duration QUIET = Duration.ofSeconds(30);

	private final SSLUtil tls;

	private final Clock clock;

	private volatile Instant quietUntil = Instant.MIN;

	LdapDirectory(LdapProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		try {
			this.url = new LDAPURL(properties.url());
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("FERRY_LDAP_URL is not an LDAP URL: " + ex.getMessage(), ex);
		}
		this.tls = new SSLUtil(trust(properties.trustCertificate()));
	}

	/** Whether the directory answers a bind as the service account. */
	void probe() throws LDAPException {
		try (LDAPConnection connection = connect()) {
			serviceBind(connection);
		}
		catch (LDAPException ex) {
			throw noted(ex);
		}
	}

	/**
	 * The entry behind {@code login} if {@code password} binds as it; empty when there is
	 * no such entry (or several), {@link WrongPassword} when the bind is refused.
	 */
	Optional<DirectoryEntry> authenticate(String login, String password) throws LDAPException, WrongPassword {
		return authenticate(login, password, (dn) -> {
		});
	}

	/**
	 * Like {@link #authenticate(String, String)}, telling {@code beforeBind} the entry's
	 * DN first.
	 */
	Optional<DirectoryEntry> authenticate(String login, String password, Consumer<String> beforeBind)
			throws LDAPException, WrongPassword {
		if (password.isEmpty()) {
			// An empty password is an unauthenticated bind, which servers accept (RFC
			// 4513).
			throw new WrongPassword();
		}
		try (LDAPConnection connection = connect()) {
			serviceBind(connection);
			Filter filter = Filter.create(properties.userSearchFilter().replace("{0}", Filter.encodeValue(login)));
			SearchRequest search = new SearchRequest(properties.userSearchBase(), SearchScope.SUB, filter,
					properties.emailAttribute(), properties.nameAttribute(), "memberOf", DirectoryEntry.ENTRY_UUID,
					DirectoryEntry.OBJECT_GUID);
			search.setSizeLimit(2);
			Optional<SearchResultEntry> found = onlyEntry(connection, search);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			SearchResultEntry entry = found.get();
			beforeBind.accept(entry.getDN());
			try {
				connection.bind(entry.getDN(), password);
			}
			catch (LDAPException ex) {
				if (ex.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
					throw new WrongPassword();
				}
				throw ex;
			}
			serviceBind(connection);
			return Optional.of(new DirectoryEntry(entry.getDN(), entry.getAttributeValue(properties.emailAttribute()),
					entry.getAttributeValue(properties.nameAttribute()), groups(connection, entry),
					DirectoryEntry.idOf(entry)));
		}
		catch (LDAPException ex) {
			throw noted(ex);
		}
	}

	/**
	 * Why the entry {@code link} names no longer admits its account:
	 * {@code not_in_directory} when it is gone (or another entry has its DN),
	 * {@code disabled_in_directory} when Active Directory marks it disabled
	 * ({@code userAccountControl} bit 2) or OpenLDAP's password policy locked it
	 * ({@code pwdAccountLockedTime}); empty while it stands.
	 */
	Optional<String> withdrawal(DirectoryAccountRepository.Link link) throws LDAPException {
		String dn = link.dn();
		try (LDAPConnection connection = connect()) {
			serviceBind(connection);
			SearchResultEntry entry = connection.getEntry(dn, USER_ACCOUNT_CONTROL, ACCOUNT_LOCKED_TIME,
					DirectoryEntry.ENTRY_UUID, DirectoryEntry.OBJECT_GUID);
			// Another entry at the DN (its uid given to someone else) is
			// not the account's.
			if (entry == null || !link.admits(DirectoryEntry.idOf(entry))) {
				return Optional.of(NOT_IN_DIRECTORY);
			}
			Long control = entry.getAttributeValueAsLong(USER_ACCOUNT_CONTROL);
			boolean disabled = (control != null && (control & ACCOUNT_DISABLED) != 0)
					|| entry.hasAttribute(ACCOUNT_LOCKED_TIME);
			return disabled ? Optional.of(DISABLED_IN_DIRECTORY) : Optional.empty();
		}
		catch (LDAPException ex) {
			if (ex.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
				return Optional.of(NOT_IN_DIRECTORY);
			}
			throw noted(ex);
		}
	}

	private Set<String> groups(LDAPConnection connection, SearchResultEntry user) throws LDAPException {
		Set<String> groups = new LinkedHashSet<>();
		if (properties.groupSearchBase() == null || properties.groupSearchBase().isBlank()) {
			String[] memberOf = user.getAttributeValues("memberOf");
			for (String group : (memberOf != null) ? memberOf : new String[0]) {
				groups.add(new DN(group).getRDN().getAttributeValues()[0]);
			}
			return groups;
		}
		Filter filter = Filter.create(properties.groupSearchFilter().replace("{0}", Filter.encodeValue(user.getDN())));
		SearchResult result = connection.search(new SearchRequest(properties.groupSearchBase(), SearchScope.SUB, filter,
				properties.groupNameAttribute()));
		for (SearchResultEntry group : result.getSearchEntries()) {
			String name = group.getAttributeValue(properties.groupNameAttribute());
			if (name != null) {
				groups.add(name);
			}
		}
		return groups;
	}

	/** The one entry found; none when two match one login, rather than picking one. */
	private static Optional<SearchResultEntry> onlyEntry(LDAPConnection connection, SearchRequest search)
			throws LDAPException {
		try {
			SearchResult result = connection.search(search);
			return (result.getEntryCount() == 1) ? Optional.of(result.getSearchEntries().get(0)) : Optional.empty();
		}
		catch (LDAPException ex) {
			if (ex.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private void serviceBind(LDAPConnection connection) throws LDAPException {
		if (properties.bindDn() != null && !properties.bindDn().isBlank()) {
			connection.bind(properties.bindDn(), (properties.bindPassword() != null) ? properties.bindPassword() : "");
		}
	}

	/** Starts the quiet time when {@code ex} says the directory did not answer. */
	private LDAPException noted(LDAPException ex) {
		ResultCode code = ex.getResultCode();
		if (code == ResultCode.CONNECT_ERROR || code == ResultCode.TIMEOUT || code == ResultCode.SERVER_DOWN) {
			Instant until = clock.instant().plus(QUIET);
			if (until.isAfter(quietUntil)) {
				quietUntil = until;
			}
		}
		return ex;
	}

	private LDAPConnection connect() throws LDAPException {
		if (clock.instant().isBefore(quietUntil)) {
			throw new LDAPException(ResultCode.SERVER_DOWN,
					"The directory did not answer a moment ago; it is asked again from " + quietUntil);
		}
		LDAPConnectionOptions options = new LDAPConnectionOptions();
		int millis = (int) properties.timeout().toMillis();
		options.setConnectTimeoutMillis(millis);
		options.setResponseTimeoutMillis(millis);
		options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
		try {
			if ("ldaps".equalsIgnoreCase(url.getScheme())) {
				return new LDAPConnection(tls.createSSLSocketFactory(), options, url.getHost(), url.getPort());
			}
			LDAPConnection connection = new LDAPConnection(options, url.getHost(), url.getPort());
			if (properties.startTls()) {
				startTls(connection);
			}
			return connection;
		}
		catch (GeneralSecurityException ex) {
			throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS setup failed: " + ex.getMessage(), ex);
		}
	}

	private void startTls(LDAPConnection connection) throws LDAPException, GeneralSecurityException {
		SSLContext context = tls.createSSLContext();
		try {
			ResultCode result = connection.processExtendedOperation(new StartTLSExtendedRequest(context))
				.getResultCode();
			if (result != ResultCode.SUCCESS) {
				throw new LDAPException(result, "StartTLS refused by the directory");
			}
		}
		catch (LDAPException ex) {
			connection.close();
			throw ex;
		}
	}

	private static TrustManager trust(String certificate) {
		if (certificate == null || certificate.isBlank()) {
			return JVMDefaultTrustManager.getInstance();
		}
		try {
			return new PEMFileTrustManager(new File(certificate));
		}
		catch (KeyStoreException ex) {
			throw new IllegalStateException("FERRY_LDAP_TRUST_CERTIFICATE cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** The directory refused the password. */
	static final class WrongPassword extends Exception {

		WrongPassword() {
			super(null, null, false, false);
		}

	}

}
