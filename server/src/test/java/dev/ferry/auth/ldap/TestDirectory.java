package dev.ferry.auth.ldap;

import java.util.UUID;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import dev.ferry.testing.ContentSafetyTest;

/**
 * The test directory (Debian's slapd from {@code bin/test-services}), changed as its root
 * the way a directory administrator would: entries added, moved between groups, deleted.
 * Each test adds its own people (random names), so a reused slapd stays usable.
 */
public final class TestDirectory {

	public static final String URL = ContentSafetyTest.requiredEnv("FERRY_TEST_LDAP_URL");

	public static final String LDAPS_URL = ContentSafetyTest.requiredEnv("FERRY_TEST_LDAPS_URL");

	public static final String CA = ContentSafetyTest.requiredEnv("FERRY_TEST_LDAP_CA");

	public static final String PEOPLE = "ou=people,dc=ferry,dc=test";

	public static final String GROUPS = "ou=groups,dc=ferry,dc=test";

	public static final String BIND_DN = "cn=ferry,ou=services,dc=ferry,dc=test";

	public static final String BIND_PASSWORD = "ferry-bind-Secret-1";

	private TestDirectory() {
	}

	/**
	 * A new person in {@code groups}; answers the mail address, the password is given.
	 */
	public static String addPerson(String password, String... groups) {
		String uid = "p" + UUID.randomUUID().toString().substring(0, 8);
		String dn = "uid=" + uid + "," + PEOPLE;
		String mail = uid + "@ldap.test";
		run((connection) -> {
			connection.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: Person " + uid, "sn: " + uid,
					"mail: " + mail, "userPassword: " + password);
			for (String group : groups) {
				addToGroup(connection, dn, group);
			}
		});
		return mail;
	}

	static void addToGroup(String mail, String group) {
		run((connection) -> addToGroup(connection, dn(mail), group));
	}

	static void removeFromGroup(String mail, String group) {
		run((connection) -> connection.modify("cn=" + group + "," + GROUPS,
				new Modification(ModificationType.DELETE, "member", dn(mail))));
	}

	/** Gives the entry found by {@code mail} the address {@code newMail} instead. */
	static void changeMail(String mail, String newMail) {
		run((connection) -> connection.modify(dn(mail), new Modification(ModificationType.REPLACE, "mail", newMail)));
	}

	/**
	 * Deletes the entry found by {@code mail} and adds another person at the same DN (a
	 * uid given to someone new), with {@code newMail} and {@code password}.
	 */
	static void reuseDn(String mail, String newMail, String password) {
		String uid = mail.substring(0, mail.indexOf('@'));
		run((connection) -> {
			connection.delete(dn(mail));
			connection.add("dn: " + dn(mail), "objectClass: inetOrgPerson", "uid: " + uid, "cn: Newcomer " + uid,
					"sn: " + uid, "mail: " + newMail, "userPassword: " + password);
		});
	}

	public static void delete(String mail) {
		run((connection) -> connection.delete(dn(mail)));
	}

	private static void addToGroup(LDAPConnection connection, String dn, String group) throws LDAPException {
		connection.modify("cn=" + group + "," + GROUPS, new Modification(ModificationType.ADD, "member", dn));
	}

	private static String dn(String mail) {
		return "uid=" + mail.substring(0, mail.indexOf('@')) + "," + PEOPLE;
	}

	private static void run(Change change) {
		try {
			LDAPURL url = new LDAPURL(URL);
			try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
					"cn=admin,dc=ferry,dc=test", "ferry-ldap-root")) {
				change.apply(connection);
			}
		}
		catch (LDAPException | LDIFException ex) {
			throw new IllegalStateException("the test directory refused a change: " + ex.getMessage(), ex);
		}
	}

	private interface Change {

		void apply(LDAPConnection connection) throws LDAPException, LDIFException;

	}

}
