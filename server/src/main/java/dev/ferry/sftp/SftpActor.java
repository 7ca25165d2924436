package dev.ferry.sftp;

import dev.ferry.auth.CurrentUser;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names the signed-in account as the one acting for each SFTP request, as the HTTP
 * security chain does for a request: the audit trail takes its actor from the security
 * context, and SFTP requests run on the SSH server's threads, outside that chain. The
 * SFTP subsystem handles a request on the thread that announced it here.
 */
final class SftpActor implements SftpEventListener {

	@Override
	public void received(ServerSession session, int type, int id) {
		CurrentUser user = session.getAttribute(SftpAuthenticator.USER);
		SecurityContextHolder.getContext()
			.setAuthentication(
					(user != null) ? UsernamePasswordAuthenticationToken.authenticated(user, null, null) : null);
	}

	@Override
	public void destroying(ServerSession session) {
		SecurityContextHolder.clearContext();
	}

}
