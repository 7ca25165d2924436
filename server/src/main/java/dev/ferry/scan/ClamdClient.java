package dev.ferry.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * clamd's INSTREAM command: the content goes in length-prefixed chunks over one
 * connection and clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}. A
 * watchdog closes the connection after the timeout, since channels (needed for Unix
 * sockets) have no read timeout; a hung clamd then fails the scan instead of the worker.
 */
final class ClamdClient {

	private static final int CHUNK = 64 * 1024;

	private static final int MAX_REPLY = 4096;

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "clamd-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final SocketAddress address;

	private final Duration timeout;

	ClamdClient(String address, Duration timeout) {
		this.address = ClamdAddress.parse(address);
		this.timeout = timeout;
	}

	Verdict scan(InputStream content) throws IOException {
		SocketAddress target = resolved();
		try (SocketChannel channel = (target instanceof UnixDomainSocketAddress)
				? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open()) {
			// The watchdog covers the connect too: a host that drops packets would
			// hold the worker for the system's connect timeout, minutes.
			ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(channel), timeout.toMillis(),
					TimeUnit.MILLISECONDS);
			try {
				channel.connect(target);
				send(content, channel);
				return Verdict.parse(reply(Channels.newInputStream(channel)));
			}
			finally {
				watchdog.cancel(false);
			}
		}
	}

	private static void send(InputStream content, SocketChannel channel) throws IOException {
		DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
		out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
		byte[] buffer = new byte[CHUNK];
		try {
			for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
				if (n > 0) {
					out.writeInt(n);
					out.write(buffer, 0, n);
				}
			}
			out.writeInt(0);
			out.flush();
		}
		catch (IOException ex) {
			// clamd closes early on its size limit; its reply says so better than a
			// broken pipe.
			channel.shutdownOutput();
		}
	}

	private static String reply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		for (int b = in.read(); b > 0; b = in.read()) {
			if (reply.size() >= MAX_REPLY) {
				throw new IOException("clamd's reply is too long");
			}
			reply.write(b);
		}
		return reply.toString(StandardCharsets.US_ASCII).trim();
	}

	private SocketAddress resolved() {
		if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
			return new InetSocketAddress(inet.getHostString(), inet.getPort());
		}
		return address;
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// already closed: nothing left to stop
		}
	}

	/** clamd's answer: clean, or infected with the signature's name. */
	record Verdict(boolean infected, String signature) {

		static Verdict parse(String reply) throws IOException {
			if (reply.endsWith(": OK")) {
				return new Verdict(false, null);
			}
			if (reply.endsWith(" FOUND")) {
				String body = reply.substring(reply.indexOf(": ") + 2, reply.length() - " FOUND".length());
				return new Verdict(true, body.trim());
			}
			throw new IOException("clamd answered: " + reply);
		}

	}

}
