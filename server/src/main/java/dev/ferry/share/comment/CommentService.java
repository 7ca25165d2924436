package dev.ferry.share.comment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.Names;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.share.ShareException;
import dev.ferry.share.grant.Audiences;
import dev.ferry.share.grant.Audiences.Audience;
import dev.ferry.share.transfer.Owners;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Comments on files and transfers. Whoever is in the object's audience (owner, grantees)
 * reads and writes them; everyone else gets 404, as for the object itself. A mention
 * notifies only members of the audience, so it cannot be used to mail arbitrary accounts
 * or to learn which addresses have one; only the owner sees whom a mention reached.
 * Authors delete their own comments, owners any.
 */
@Service
class CommentService {

	static final int MAX_LENGTH = 4000;

	private static final int MAX_LISTED = 500;

	private final CommentRepository comments;

	private final Audiences audiences;

	private final Accounts accounts;

	private final Owners owners;

	private final CommentNotices notices;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	CommentService(CommentRepository comments, Audiences audiences, Accounts accounts, Owners owners,
			CommentNotices notices, AuditLog audit, TransactionOperations transactions) {
		this.comments = comments;
		this.audiences = audiences;
		this.accounts = accounts;
		this.owners = owners;
		this.notices = notices;
		this.audit = audit;
		this.transactions = transactions;
	}

	CommentView add(CurrentUser user, String type, String objectId, String body) {
		Audience audience = audience(user, type, objectId, Scope.WRITE, "comment.created");
		String text = checked(body);
		List<User> mentioned = new ArrayList<>();
		for (String email : Mentions.in(text)) {
			accounts.findByEmail(email)
				.filter((u) -> u.isActive() && audience.members().contains(u.id()) && !u.id().equals(user.userId()))
				.ifPresent(mentioned::add);
		}
		Comment comment = new Comment(UUID.randomUUID(), type, audience.objectId(), user.userId(), text,
				mentioned.stream().map(User::id).toList(), Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS));
		User author = accounts.find(user.userId()).orElseThrow();
		transactions.executeWithoutResult((status) -> {
			comments.insert(comment);
			// No mention count: the author reads their own records (GET /me/activity),
			// and it would tell them whom a mention reached.
			audit.record(AuditEvent.success("comment.created")
				.object(type, audience.objectId())
				.detail("comment", comment.id()));
			mentioned.forEach((m) -> notices.mentioned(m, author, audience, text));
		});
		return view(comment, audience, user);
	}

	List<CommentView> list(CurrentUser user, String type, String objectId) {
		Audience audience = audience(user, type, objectId, Scope.READ, "comment.listed");
		List<CommentView> listed = comments.forObject(type, audience.objectId(), MAX_LISTED)
			.stream()
			.map((comment) -> view(comment, audience, user))
			.toList();
		audit.record(
				AuditEvent.success("comment.listed").object(type, audience.objectId()).detail("count", listed.size()));
		return listed;
	}

	void delete(CurrentUser user, String type, String objectId, String commentId) {
		Audience audience = audience(user, type, objectId, Scope.WRITE, "comment.deleted");
		UUID id = Ids.parse(commentId);
		Comment comment = (id != null) ? comments.find(id, type, audience.objectId()).orElse(null) : null;
		boolean allowed = comment != null
				&& (comment.authorId().equals(user.userId()) || audience.ownerId().equals(user.userId()));
		if (!allowed) {
			audit.record(AuditEvent.denied("comment.deleted")
				.object(type, audience.objectId())
				.detail("comment", Owners.truncate(commentId))
				.detail("reason", (comment == null) ? "not_found" : "not_author"));
			throw ShareException.notFound("comment");
		}
		comments.delete(comment.id(), type, audience.objectId());
		audit.record(AuditEvent.success("comment.deleted")
			.object(type, audience.objectId())
			.detail("comment", comment.id()));
	}

	private Audience audience(CurrentUser user, String type, String objectId, Scope scope, String action) {
		owners.require(user, scope, action);
		UUID id = Ids.parse(objectId);
		return ((id != null) ? audiences.of(user, type, id) : Optional.<Audience>empty()).orElseThrow(() -> {
			audit.record(
					AuditEvent.denied(action).object(type, Owners.truncate(objectId)).detail("reason", "not_found"));
			return ShareException.notFound(type);
		});
	}

	private static String checked(String body) {
		if (body == null || body.isBlank()) {
			throw ShareException.invalid("A comment needs a body.");
		}
		if (body.length() > MAX_LENGTH) {
			throw ShareException.invalid("A comment has at most " + MAX_LENGTH + " characters.");
		}
		for (String line : body.split("\r?\n", -1)) {
			Names.flaw(line.replace("\t", " ")).ifPresent((flaw) -> {
				throw ShareException.invalid("The comment " + flaw + ".");
			});
		}
		return body.strip();
	}

	/**
	 * The comment as {@code viewer} sees it. Which mentions reached someone is the
	 * owner's to see: they know the audience; anyone else could probe addresses with
	 * mentions and learn who else (a group's members) can see the object.
	 */
	private CommentView view(Comment comment, Audience audience, CurrentUser viewer) {
		User author = accounts.find(comment.authorId()).orElse(null);
		List<String> mentions = audience.ownerId().equals(viewer.userId())
				? comment.mentions().stream().map(UUID::toString).toList() : List.of();
		return new CommentView(comment.id().toString(), comment.objectType(), comment.objectId().toString(),
				comment.authorId().toString(), (author != null) ? author.name() : null,
				(author != null) ? author.email() : null, comment.body(), mentions, comment.createdAt().toString());
	}

	record CommentView(String id, String objectType, String objectId, String authorId, String authorName,
			String authorEmail, String body, List<String> mentionIds, String createdAt) {
	}

}
