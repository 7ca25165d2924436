package dev.ferry.share.comment;

import java.util.Map;

import dev.ferry.auth.User;
import dev.ferry.notify.Mailer;
import dev.ferry.share.grant.Audiences.Audience;

import org.springframework.stereotype.Component;

/** The mail telling an account it was mentioned in a comment. */
@Component
class CommentNotices {

	private static final int EXCERPT = 500;

	private final Mailer mailer;

	CommentNotices(Mailer mailer) {
		this.mailer = mailer;
	}

	void mentioned(User mentioned, User author, Audience audience, String body) {
		String excerpt = (body.length() > EXCERPT) ? body.substring(0, EXCERPT) + "…" : body;
		mailer.send(mentioned.email(), "comment-mention",
				Map.of("author", (author.name() != null) ? author.name() : author.email(), "author_email",
						author.email(), "kind", audience.type(), "name", audience.name(), "body", excerpt));
	}

}
