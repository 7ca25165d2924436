package dev.ferry.audit;

import java.util.function.Supplier;

/**
 * The client behind work done outside an HTTP request (an SFTP session), so its audit
 * records carry the client's address and software as a request's do, and protect's
 * watchers see its failures by address. Set on the thread that does the work; an HTTP
 * request's own client always wins.
 */
public final class AuditOrigin {

	private static final ThreadLocal<Client> CURRENT = new ThreadLocal<>();

	private AuditOrigin() {
	}

	/** Names the client of what this thread does from now on, until {@link #clear}. */
	public static void set(String ip, String software) {
		CURRENT.set(new Client(ip, software));
	}

	public static void clear() {
		CURRENT.remove();
	}

	/** Runs {@code work} for this client, then restores whatever the thread had. */
	public static <T> T during(String ip, String software, Supplier<T> work) {
		Client before = CURRENT.get();
		CURRENT.set(new Client(ip, software));
		try {
			return work.get();
		}
		finally {
			CURRENT.set(before);
		}
	}

	/** {@code task}, run on another thread for the client of this one. */
	public static Runnable carrying(Runnable task) {
		Client client = CURRENT.get();
		return () -> {
			CURRENT.set(client);
			try {
				task.run();
			}
			finally {
				CURRENT.remove();
			}
		};
	}

	static Client current() {
		return CURRENT.get();
	}

	record Client(String ip, String software) {
	}

}
