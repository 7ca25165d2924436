package dev.ferry.sftp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ferry.FerryApplication;
import dev.ferry.auth.ldap.TestDirectory;
import dev.ferry.testing.Api;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SFTP password sign-in for a directory account: OpenSSH's {@code sftp} against Ferry's
 * SFTP server, the password checked by Debian's slapd from {@code bin/test-services}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
class SftpDirectorySignInIntegrationTests {

	static final String PASSWORD = "Directory-sftp-pass-1";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "sftp-ldap");
		registry.add("ferry.sftp.port", () -> "0");
		registry.add("ferry.ldap.url", () -> TestDirectory.URL);
		registry.add("ferry.ldap.bind-dn", () -> TestDirectory.BIND_DN);
		registry.add("ferry.ldap.bind-password", () -> TestDirectory.BIND_PASSWORD);
		registry.add("ferry.ldap.user-search-base", () -> TestDirectory.PEOPLE);
		registry.add("ferry.ldap.group-search-base", () -> TestDirectory.GROUPS);
	}

	@Autowired
	SftpServer sftp;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void aDirectoryPasswordSignsInOverSftpAndAWrongOneDoesNot() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		SftpClients clients = new SftpClients(sftp.port(), dir);

		SftpClients.Run run = clients.withAnswers(mail, "password", Map.of("assword", PASSWORD), "mkdir /in", "ls /");
		SftpClients.Run wrong = clients.withAnswers(mail, "password", Map.of("assword", "not-" + PASSWORD), "ls /");

		assertThat(run.exit()).as(run.out()).isZero();
		assertThat(run.out()).contains("in");
		assertThat(wrong.exit()).isNotZero();
		assertThat(wrong.out()).contains("Permission denied");
		List<String> logins = jdbc.sql("SELECT details FROM audit_log WHERE action = 'auth.login' ORDER BY seq")
			.query(String.class)
			.list();
		assertThat(logins).anySatisfy((d) -> assertThat(d).contains("sftp", "\"method\":\"ldap\""));
		assertThat(logins).anySatisfy((d) -> assertThat(d).contains("sftp", mail, "wrong_password"));
	}

	@Test
	void someoneRemovedFromTheDirectoryCanNoLongerSignInWithTheirSshKey() {
		String mail = TestDirectory.addPerson(PASSWORD, "ferry-users");
		SftpClients clients = new SftpClients(sftp.port(), dir);
		Path key = clients.newKey("ed25519", "directory");
		Api api = new Api("http://127.0.0.1:" + port);
		Api.Response added = api.post("/api/v1/auth/ssh-keys",
				Map.of("name", "laptop", "public_key", clients.publicKey(key)), api.login(mail, PASSWORD));
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		TestDirectory.delete(mail);
		SftpClients.Run refused = clients.withKey(mail, key, "ls /");

		assertThat(refused.exit()).isNotZero();
		assertThat(refused.out()).contains("Permission denied");
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied'")
			.query(String.class)
			.list()).anySatisfy((d) -> assertThat(d).contains("sftp", "not_in_directory"));
	}

}
