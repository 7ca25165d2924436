package dev.ferry.sftp;

import dev.ferry.audit.AuditOrigin;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names the signed-in account as the one acting for each SFTP request, and the client it
 * comes from, as the HTTP security chain does for a request: the audit trail takes its
 * actor from the security context and the address from {@link AuditOrigin}, and SFTP
 * requests run on the SSH server's threads, outside that chain. The SFTP subsystem
 * handles a request on the thread that announced it here.
 */
final class SftpActor implements SftpEventListener {

	@Override
	public void received(ServerSession session, int type, int id) {
		CurrentUser user = session.getAttribute(SftpAuthenticator.USER);
		ClientInfo client = SftpAuthenticator.client(session);
		AuditOrigin.set(client.ip(), client.userAgent());
		SecurityContextHolder.getContext()
			.setAuthentication(
					(user != null) ? UsernamePasswordAuthenticationToken.authenticated(user, null, null) : null);
	}

	@Override
	public void destroying(ServerSession session) {
		SecurityContextHolder.clearContext();
		AuditOrigin.clear();
	}

}
