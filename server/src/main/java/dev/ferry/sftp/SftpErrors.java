package dev.ferry.sftp;

import java.nio.file.AccessDeniedException;

import dev.ferry.ProblemException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * What a client is told when an operation fails. MINA sends only the generic text of the
 * status ("Failure"); a refusal of Ferry's own (over the quota, an invalid name, a
 * missing scope) carries a sentence meant for users, and clients that show the server's
 * message (rclone, WinSCP, FileZilla) show it. A refusal for want of a scope is
 * "permission denied", not "failure". Any other error keeps MINA's text, so nothing of
 * the server's insides (paths, exception names) goes out.
 */
final class SftpErrors implements SftpErrorStatusDataHandler {

	@Override
	public int resolveSubStatus(SftpSubsystemEnvironment sftp, int cmd, Throwable t, int extra, Object... args) {
		ProblemException problem = problem(t);
		if (problem != null && (problem.getStatusCode().value() == 401 || problem.getStatusCode().value() == 403)) {
			return SftpConstants.SSH_FX_PERMISSION_DENIED;
		}
		return SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, cmd, t, extra, args);
	}

	@Override
	public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int cmd, Throwable t, int subStatus, int extra,
			Object... args) {
		ProblemException problem = problem(t);
		if (problem != null && problem.getBody().getDetail() != null) {
			return problem.getBody().getDetail();
		}
		if (t instanceof AccessDeniedException denied && denied.getReason() != null) {
			return denied.getReason();
		}
		return SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, cmd, t, subStatus, extra, args);
	}

	private static ProblemException problem(Throwable t) {
		for (Throwable cause = t; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProblemException problem) {
				return problem;
			}
		}
		return null;
	}

}
