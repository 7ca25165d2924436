package dev.ferry.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers a test starts itself: child Ferry servers, balancers, mail
 * servers, databases.
 *
 * <p>
 * Not the kernel's "any free port" (binding port 0): that port comes from the ephemeral
 * range (32768–60999 on Linux), the same range every outgoing connection's local port and
 * every other port-0 server draws from, so between closing the probe and the child's own
 * bind another socket of the run could take it (seen as "Port ... was already in use"
 * with two test JVMs). These ports come from below that range, handed out in turn from a
 * random start per JVM, each checked free when handed out.
 */
public final class FreePorts {

	private static final int FIRST = 20000;

	private static final int COUNT = 32768 - FIRST;

	private static final AtomicInteger NEXT = new AtomicInteger(new SecureRandom().nextInt(COUNT));

	private FreePorts() {
	}

	/** A port nothing listens on now, for one server of this test to take. */
	public static int take() {
		for (int tried = 0; tried < COUNT; tried++) {
			int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
			if (bindable(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port from " + FIRST + " to " + (FIRST + COUNT - 1));
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
