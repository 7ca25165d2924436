package dev.ferry.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Writes the database refused for the request's sake, not the server's: the transaction
 * rolled back, so nothing was written, and the client is told what to do instead of a
 * 500. Where a check before the database is missing, this is the net; so it is for two
 * requests whose transactions lock each other out.
 */
final class DatabaseRefusals {

	/** Too long for its column (MariaDB in strict mode), or NUL (PostgreSQL). */
	private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22001", "22021", "22P05");

	private static final String UNSTORABLE_TEXT = "A text in the request is longer than Ferry stores there, or "
			+ "holds a character it cannot store (such as NUL).";

	private static final String COLLIDED = "The request collided with a concurrent change of the same thing; "
			+ "nothing was changed. Try again.";

	private DatabaseRefusals() {
	}

	/**
	 * The problem to answer for {@code ex}, or null when the database refused nothing.
	 */
	static ProblemDetail problem(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException || cause instanceof PessimisticLockingFailureException) {
				return collided();
			}
			if (cause instanceof SQLException sql) {
				// SQLite leaves the state null, which Set.of(...).contains refuses.
				if (sql.getSQLState() != null && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
					return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", UNSTORABLE_TEXT);
				}
				if (duplicateKey(sql) || lockLost(sql)) {
					return collided();
				}
			}
		}
		return null;
	}

	/**
	 * Two requests that create the same thing at once (a group's name, a recipient's
	 * address), where the check before the insert cannot see the other's uncommitted row:
	 * the client may simply try again.
	 */
	private static ProblemDetail collided() {
		return Problems.of(HttpStatus.CONFLICT, "conflict", COLLIDED);
	}

	/**
	 * Two transactions waiting on each other's rows (a deadlock, one of them rolled back)
	 * or on one row too long (a lock timeout, SQLite's busy timeout): rolled back, so the
	 * client may try again. Spring does not always translate these (MariaDB's 1205
	 * arrives uncategorised).
	 */
	private static boolean lockLost(SQLException sql) {
		return "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
				|| "55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213
				|| String.valueOf(sql.getMessage()).startsWith("[SQLITE_BUSY]");
	}

	private static boolean duplicateKey(SQLException sql) {
		String message = String.valueOf(sql.getMessage());
		return "23505".equals(sql.getSQLState()) || sql.getErrorCode() == 1062
				|| message.startsWith("[SQLITE_CONSTRAINT_UNIQUE]")
				|| message.startsWith("[SQLITE_CONSTRAINT_PRIMARYKEY]");
	}

}
