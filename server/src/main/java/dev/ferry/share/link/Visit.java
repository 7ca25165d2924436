package dev.ferry.share.link;

import dev.ferry.share.transfer.Transfer;

/**
 * A public link resolved to its transfer, with the visitor's share session when one was
 * presented and valid.
 */
record Visit(ShareLink link, Transfer transfer, ShareSessions.Session session) {

	String email() {
		return (session != null) ? session.email() : null;
	}

	/**
	 * Whether the link's downloads are used up for this visitor: it came without a
	 * session given before they were (only those keep the page, to resume what they were
	 * counted for).
	 */
	boolean exhausted() {
		return link.isExhausted() && session == null;
	}

	/**
	 * Whether the visitor did what the link asks (password or proof of work, verified
	 * address).
	 */
	boolean unlocked() {
		boolean passwordOk = !(link.passwordRequired() || link.captcha()) || session != null;
		boolean emailOk = !link.requireEmailVerification() || email() != null;
		return passwordOk && emailOk;
	}

}
