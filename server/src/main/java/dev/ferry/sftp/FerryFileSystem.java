package dev.ferry.sftp;

import java.nio.file.AccessDeniedException;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.ferry.auth.CurrentUser;
import org.apache.sshd.common.file.util.BaseFileSystem;

/**
 * One SFTP session's view of its account's files: the same tree as the web UI's, folders
 * made with {@code mkdir} included.
 */
final class FerryFileSystem extends BaseFileSystem<FerryPath> {

	static final Duration STANDING_CHECK = Duration.ofSeconds(5);

	private static final String WITHDRAWN = "The account was suspended or removed,"
			+ " or the key this session signed in with was deleted";

	private final CurrentUser owner;

	private final BooleanSupplier stillActive;

	private volatile long checkedAt = System.nanoTime();

	private volatile boolean open = true;

	FerryFileSystem(FerryFileSystemProvider provider, CurrentUser owner, BooleanSupplier stillActive) {
		super(provider);
		this.owner = owner;
		this.stillActive = stillActive;
	}

	/**
	 * The account, asked again at most every {@link #STANDING_CHECK}: a session outlives
	 * its sign-in, and a suspended, deactivated or deleted account, or a deleted key the
	 * session signed in with, must lose it within seconds, on whichever node it is open.
	 */
	CurrentUser owner() throws AccessDeniedException {
		if (!open) {
			throw new AccessDeniedException("/", null, WITHDRAWN);
		}
		long now = System.nanoTime();
		if (now - checkedAt > STANDING_CHECK.toNanos()) {
			if (!stillActive.getAsBoolean()) {
				open = false;
				throw new AccessDeniedException("/", null, WITHDRAWN);
			}
			checkedAt = now;
		}
		return owner;
	}

	@Override
	public FerryFileSystemProvider provider() {
		return (FerryFileSystemProvider) super.provider();
	}

	@Override
	protected FerryPath create(String root, List<String> names) {
		return new FerryPath(this, root, names);
	}

	@Override
	public void close() {
		open = false;
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	@Override
	public Set<String> supportedFileAttributeViews() {
		return Set.of("basic", "posix");
	}

	@Override
	public UserPrincipalLookupService getUserPrincipalLookupService() {
		throw new UnsupportedOperationException("No user principals");
	}

}
