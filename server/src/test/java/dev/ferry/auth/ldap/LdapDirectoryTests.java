package dev.ferry.auth.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.session.FirstFactor;
import dev.ferry.testing.MutableClock;
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
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.LDAPS_URL, false, TestDirectory.CA),
				Clock.systemUTC());

		DirectoryEntry bob = directory.authenticate("bob@ldap.test", "bob-Directory-pass-1").orElseThrow();

		assertThat(bob.dn()).isEqualTo("uid=bob," + TestDirectory.PEOPLE);
		assertThat(bob.email()).isEqualTo("bob@ldap.test");
		assertThat(bob.name()).isEqualTo("Bob User");
		assertThat(bob.groups()).containsExactly("ferry-users");
	}

	@Test
	void aCertificateNoTrustedAuthoritySignedIsRefusedOverLdapsAndStartTls() {
		LdapDirectory ldaps = new LdapDirectory(properties(TestDirectory.LDAPS_URL, false, null), Clock.systemUTC());
		LdapDirectory startTls = new LdapDirectory(properties(TestDirectory.URL, true, null), Clock.systemUTC());

		assertThatExceptionOfType(LDAPException.class)
			.isThrownBy(() -> ldaps.authenticate("bob@ldap.test", "bob-Directory-pass-1"));
		assertThatExceptionOfType(LDAPException.class)
			.isThrownBy(() -> startTls.authenticate("bob@ldap.test", "bob-Directory-pass-1"));
	}

	@Test
	void anEmptyPasswordNeverCountsAsABind() {
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.URL, true, TestDirectory.CA),
				Clock.systemUTC());

		assertThatExceptionOfType(LdapDirectory.WrongPassword.class)
			.isThrownBy(() -> directory.authenticate("bob@ldap.test", ""));
	}

	@Test
	void aFilterInjectedThroughTheLoginMatchesNobody() throws Exception {
		LdapDirectory directory = new LdapDirectory(properties(TestDirectory.URL, true, TestDirectory.CA),
				Clock.systemUTC());

		assertThat(directory.authenticate("*", "bob-Directory-pass-1")).isEmpty();
		assertThat(directory.authenticate("bob@ldap.test)(uid=*", "bob-Directory-pass-1")).isEmpty();
	}

	@Test
	void aDirectoryThatCannotBeReachedRefusesTheSignInAndShowsInTheStatus() {
		// Nothing listens on the discard port.
		LdapSignIn down = new LdapSignIn(properties("ldap://127.0.0.1:9", false, null), null, null, null,
				Clock.systemUTC());

		FirstFactor.Outcome outcome = down.authenticate("bob@ldap.test", Optional.empty(), "bob-Directory-pass-1",
				(dn) -> {
				});
		List<ProviderHealth.Status> status = down.providers();

		assertThat(outcome.passed()).isFalse();
		assertThat(outcome.reason()).isEqualTo(FirstFactor.Outcome.DIRECTORY_UNAVAILABLE);
		assertThat(status).singleElement().satisfies((directory) -> {
			assertThat(directory.type()).isEqualTo("ldap");
			assertThat(directory.lastSuccessAt()).isNull();
			assertThat(directory.lastError()).startsWith("unreachable: ");
		});
	}

	@Test
	void aDirectoryThatDoesNotAnswerIsNotAskedAgainForAWhile() throws Exception {
		MutableClock clock = new MutableClock(Instant.now());
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			AtomicInteger connections = new AtomicInteger();
			List<Socket> held = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				while (!silent.isClosed()) {
					try {
						held.add(silent.accept());
						connections.incrementAndGet();
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			LdapProperties quick = properties("ldap://127.0.0.1:" + silent.getLocalPort(), false, null);
			LdapDirectory directory = new LdapDirectory(new LdapProperties(quick.url(), quick.name(), false, null,
					quick.bindDn(), quick.bindPassword(), quick.userSearchBase(), quick.userSearchFilter(),
					quick.emailAttribute(), quick.nameAttribute(), quick.groupSearchBase(), quick.groupSearchFilter(),
					quick.groupNameAttribute(), null, "user", null, true, Duration.ofMillis(300)), clock);

			assertThatExceptionOfType(LDAPException.class)
				.isThrownBy(() -> directory.withdrawal(new DirectoryAccountRepository.Link("uid=bob", null)))
				.satisfies((ex) -> assertThat(ex.getResultCode()).isEqualTo(ResultCode.TIMEOUT));
			assertThatExceptionOfType(LDAPException.class)
				.isThrownBy(() -> directory.authenticate("bob@ldap.test", "bob-Directory-pass-1"))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("did not answer a moment ago"));
			assertThat(connections.get()).as("the second sign-in did not wait on the directory").isEqualTo(1);

			clock.advance(LdapDirectory.QUIET);
			assertThatExceptionOfType(LDAPException.class)
				.isThrownBy(() -> directory.withdrawal(new DirectoryAccountRepository.Link("uid=bob", null)));
			assertThat(connections.get()).as("asked again after the quiet time").isEqualTo(2);
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	static LdapProperties properties(String url, boolean startTls, String ca) {
		return new LdapProperties(url, "Directory", startTls, ca, TestDirectory.BIND_DN, TestDirectory.BIND_PASSWORD,
				TestDirectory.PEOPLE, "(mail={0})", "mail", "cn", TestDirectory.GROUPS,
				"(|(member={0})(uniqueMember={0}))", "cn", null, "user", null, true, Duration.ofSeconds(5));
	}

}
