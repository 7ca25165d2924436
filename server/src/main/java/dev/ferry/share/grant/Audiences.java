package dev.ferry.share.grant;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;

/**
 * Who is in on a file or transfer: its owner and everyone it is granted to, directly or
 * through a group, with any permission. For what is said about an object (comments),
 * which everyone who can see the object may read.
 */
public interface Audiences {

	/**
	 * The audience of {@code type} ({@code file} or {@code transfer}) {@code objectId}
	 * when {@code user} belongs to it; empty otherwise (unknown, not granted, an ended
	 * transfer).
	 */
	Optional<Audience> of(CurrentUser user, String type, UUID objectId);

	/**
	 * The object's owner, its name, and every account in its audience (owner included).
	 */
	record Audience(String type, UUID objectId, String name, UUID ownerId, Set<UUID> members) {
	}

}
