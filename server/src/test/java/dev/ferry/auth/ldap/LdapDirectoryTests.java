package dev.ferry.auth.ldap;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.unboundid.ldap.sdk.LDAPException;
import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.session.FirstFactor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The directory client against the real test directory (Debian's slapd from
 * {@code bin/test-services}): LDAPS and StartTLS with the certificate verified, and the
 * binds a directory would wrongly let through.
 */
class LdapDirectoryTests {

	@Test
	void ldapsWithTheTrustedCertificateFindsTheUserAndItsGroups() throws Exception {
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.LDAPS_URL, false, TestDirectory.CA));

		DirectoryEntry bob = directory.authenticate("bob@ldap.test", "bob-Directory-pass-1").orElseThrow();

		assertThat(bob.dn()).isEqualTo("uid=bob," + TestDirectory.PEOPLE);
		assertThat(bob.email()).isEqualTo("bob@ldap.test");
		assertThat(bob.name()).isEqualTo("Bob User");
		assertThat(bob.groups()).containsExactly("ferry-users");
	}

	@Test
	void aCertificateNoTrustedAuthoritySignedIsRefusedOverLdapsAndStartTls() {
		LdapDirectory ldaps = new LdapDirectory(properties(TestDirectory.LDAPS_URL, false, null));
		LdapDirectory startTls = new LdapDirectory(properties(TestDirectory.URL, true, null));

		assertThatExceptionOfType(LDAPException.class)
			.isThrownBy(() -> ldaps.authenticate("bob@ldap.test", "bob-Directory-pass-1"));
		assertThatExceptionOfType(LDAPException.class)
			.isThrownBy(() -> startTls.authenticate("bob@ldap.test", "bob-Directory-pass-1"));
	}

	@Test
	void anEmptyPasswordNeverCountsAsABind() {
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.URL, true, TestDirectory.CA));

		assertThatExceptionOfType(LdapDirectory.WrongPassword.class)
			.isThrownBy(() -> directory.authenticate("bob@ldap.test", ""));
	}

	@Test
	void aFilterInjectedThroughTheLoginMatchesNobody() throws Exception {
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.URL, true, TestDirectory.CA));

		assertThat(directory.authenticate("*", "bob-Directory-pass-1")).isEmpty();
		assertThat(directory.authenticate("bob@ldap.test)(uid=*", "bob-Directory-pass-1")).isEmpty();
	}

	@Test
	void aDirectoryThatCannotBeReachedRefusesTheSignInAndShowsInTheStatus() {
		// Nothing listens on the discard port.
		LdapSignIn down = new LdapSignIn(properties("ldap://127.0.0.1:9", false, null), null, null, null,
				Clock.systemUTC());

		FirstFactor.Outcome outcome = down.authenticate("bob@ldap.test", Optional.empty(), "bob-Directory-pass-1");
		List<ProviderHealth.Status> status = down.providers();

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.reason()).isEqualTo(FirstFactor.Outcome.DIRECTORY_UNAVAILABLE);
		assertThat(status).singleElement().satisfies((directory) -> {
			assertThat(directory.type()).isEqualTo("ldap");
			assertThat(directory.lastSuccessAt()).isNull();
			assertThat(directory.lastError()).startsWith("unreachable: ");
		});
	}

	static LdapProperties properties(String url, boolean startTls, String ca) {
		return new LdapProperties(url, "Directory", startTls, ca, TestDirectory.BIND_DN, TestDirectory.BIND_PASSWORD,
				TestDirectory.PEOPLE, "(mail={0})", "mail", "cn", TestDirectory.GROUPS,
				"(|(member={0})(uniqueMember={0}))", "cn", null, "user", null, true, Duration.ofSeconds(5));
	}

}
