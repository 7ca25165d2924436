package dev.ferry.share.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code comments} table. */
@Repository
class CommentRepository {

	private static final String COLUMNS = "id, object_type, object_id, author_id, body, mentions, created_at";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Comment comment) {
		jdbc.sql("INSERT INTO comments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(comment.id().toString(), comment.objectType(), comment.objectId().toString(),
					comment.authorId().toString(), comment.body(),
					comment.mentions().isEmpty() ? null
							: comment.mentions().stream().map(UUID::toString).collect(Collectors.joining(",")),
					comment.createdAt().toEpochMilli())
			.update();
	}

	/** The newest {@code max} comments on the object, oldest first. */
	List<Comment> forObject(String type, UUID objectId, int max) {
		List<Comment> newest = jdbc
			.sql("SELECT " + COLUMNS + " FROM comments WHERE object_type = ? AND object_id = ? "
					+ "ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(type, objectId.toString(), max)
			.query(CommentRepository::map)
			.list();
		List<Comment> oldestFirst = new ArrayList<>(newest);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	boolean delete(UUID id, String type, UUID objectId) {
		return jdbc.sql("DELETE FROM comments WHERE id = ? AND object_type = ? AND object_id = ?")
			.params(id.toString(), type, objectId.toString())
			.update() == 1;
	}

	Optional<Comment> find(UUID id, String type, UUID objectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = ? AND object_type = ? AND object_id = ?")
			.params(id.toString(), type, objectId.toString())
			.query(CommentRepository::map)
			.optional();
	}

	private static Comment map(ResultSet rs, int row) throws SQLException {
		String mentions = rs.getString("mentions");
		return new Comment(UUID.fromString(rs.getString("id")), rs.getString("object_type"),
				UUID.fromString(rs.getString("object_id")), UUID.fromString(rs.getString("author_id")),
				rs.getString("body"),
				(mentions == null) ? List.of() : Arrays.stream(mentions.split(",")).map(UUID::fromString).toList(),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
