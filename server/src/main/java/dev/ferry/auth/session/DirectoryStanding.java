package dev.ferry.auth.session;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the directory that provisioned an account still admits it, for the credentials
 * that never pass a sign-in or a session refresh: API keys, app tokens and SSH keys.
 * Without this, someone removed from the directory kept every key they had made. The
 * answer is kept a minute per account on each node, so a busy key asks the directory at
 * most once a minute and a removal takes effect within that minute; an account admitted
 * again gets its keys back.
 */
@Component
public class DirectoryStanding {

	static final Duration RECHECK = Duration.ofMinutes(1);

	private static final int MAX_ACCOUNTS = 10_000;

	private final ObjectProvider<DirectoryPasswords> directory;

	private final Cache<UUID, Optional<String>> answers;

	DirectoryStanding(ObjectProvider<DirectoryPasswords> directory) {
		this.directory = directory;
		this.answers = Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(MAX_ACCOUNTS).build();
	}

	/**
	 * Why the account's directory withdrew it ({@code not_in_directory},
	 * {@code disabled_in_directory}), or empty while it admits it, for accounts no
	 * directory provisioned, and while the directory cannot be asked.
	 */
	public Optional<String> withdrawal(UUID userId) {
		DirectoryPasswords passwords = directory.getIfAvailable();
		if (passwords == null) {
			return Optional.empty();
		}
		return answers.get(userId, passwords::withdrawal);
	}

}
