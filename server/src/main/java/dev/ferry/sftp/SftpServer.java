package dev.ferry.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import dev.ferry.files.FileTree;
import dev.ferry.ops.DataDirectory;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The SFTP server: started with the application when {@code FERRY_SFTP_PORT} is set, on
 * the same address as HTTP. Its host key (EC P-256) is made on first start and kept in
 * the data directory, so clients see the same key after a restart. It offers the SFTP
 * subsystem only: no shell, no commands, no forwarding.
 */
@Component
class SftpServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SftpServer.class);

	static final int MAX_HANDLES_PER_SESSION = 64;

	static final int MAX_SESSIONS_PER_ACCOUNT = 32;

	private final SftpProperties properties;

	private final SftpAuthenticator authenticator;

	private final FileTree tree;

	private final Path hostKey;

	private final String address;

	private SshServer server;

	SftpServer(SftpProperties properties, SftpAuthenticator authenticator, FileTree tree, DataDirectory data,
			@Value("${server.address:0.0.0.0}") String address) {
		this.properties = properties;
		this.authenticator = authenticator;
		this.tree = tree;
		this.hostKey = data.path().resolve("sftp").resolve("host_key");
		this.address = address;
	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			return;
		}
		DataDirectory.createOwnerOnly(hostKey.getParent());
		SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
		keys.setAlgorithm("EC");
		keys.setKeySize(256);
		SshServer ssh = SshServer.setUpDefaultServer();
		ssh.setHost(address);
		ssh.setPort(properties.port());
		// A write handle holds a thread and a pending part until it closes: bounded per
		// session and per account, so no signed-in client can exhaust the server.
		SftpModuleProperties.MAX_OPEN_HANDLES_PER_SESSION.set(ssh, MAX_HANDLES_PER_SESSION);
		CoreModuleProperties.MAX_CONCURRENT_SESSIONS.set(ssh, MAX_SESSIONS_PER_ACCOUNT);
		ssh.setKeyPairProvider(keys);
		ssh.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
				UserAuthPasswordFactory.INSTANCE));
		ssh.setPasswordAuthenticator(authenticator);
		ssh.setKeyboardInteractiveAuthenticator(authenticator);
		ssh.setPublickeyAuthenticator(authenticator);
		ssh.addSessionListener(authenticator);
		FerryFileSystemProvider provider = new FerryFileSystemProvider(tree);
		ssh.setFileSystemFactory(new FileSystemFactory() {

			@Override
			public Path getUserHomeDir(SessionContext session) {
				return null;
			}

			@Override
			public java.nio.file.FileSystem createFileSystem(SessionContext session) throws IOException {
				return provider.newFileSystem(session.getAttribute(SftpAuthenticator.USER),
						() -> authenticator.stillStanding(session));
			}

		});
		SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new FerryAccessor())
			.withSftpErrorStatusDataHandler(new SftpErrors())
			.build();
		sftp.addSftpEventListener(new SftpActor());
		ssh.setSubsystemFactories(List.of(sftp));
		try {
			ssh.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SFTP could not listen on port " + properties.port(), ex);
		}
		server = ssh;
		log.info("SFTP listening on {}:{}", address, ssh.getPort());
	}

	/** The port SFTP listens on (the chosen one when configured as 0), or -1 when off. */
	int port() {
		return (server != null) ? server.getPort() : -1;
	}

	@Override
	public void stop() {
		if (server != null) {
			try {
				server.stop(true);
			}
			catch (IOException ex) {
				log.warn("SFTP did not stop cleanly: {}", ex.getMessage());
			}
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

}
