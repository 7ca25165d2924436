package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Properties for a test class that needs a server of its own (other settings than the
 * shared {@link IntegrationTest} server): a fresh data directory, the test admin, and
 * optionally mail through a real GreenMail SMTP server.
 */
public final class OwnServer {

	private OwnServer() {
	}

	/** A fresh SQLite data directory (named after {@code purpose}) and the test admin. */
	public static void register(DynamicPropertyRegistry registry, String purpose) {
		String dataDir = tempDir(purpose);
		registry.add("ferry.data-dir", () -> dataDir);
		registry.add("ferry.admin.email", () -> IntegrationTest.ADMIN_EMAIL);
		registry.add("ferry.admin.password", () -> IntegrationTest.ADMIN_PASSWORD);
		// Jobs (mail, scans, webhooks, the sweeper) are looked for often, so tests wait
		// little.
		registry.add("ferry.jobs.poll-interval", () -> "100ms");
	}

	/** Mail on, through {@code mail}. */
	public static void registerMail(DynamicPropertyRegistry registry, GreenMail mail) {
		registry.add("ferry.mail.host", () -> "127.0.0.1");
		registry.add("ferry.mail.port", () -> mail.getSmtp().getPort());
		registry.add("ferry.mail.starttls", () -> "false");
		registry.add("ferry.mail.from", () -> "ferry@ferry.test");
	}

	/** A real SMTP server on a free loopback port, stopped when the JVM ends. */
	public static GreenMail startMail() {
		GreenMail mail = new GreenMail(new ServerSetup(FreePorts.take(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	private static String tempDir(String purpose) {
		try {
			return Files.createTempDirectory("ferry-" + purpose + "-it-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
