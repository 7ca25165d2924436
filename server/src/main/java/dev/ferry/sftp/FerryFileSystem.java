package dev.ferry.sftp;

import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

import dev.ferry.auth.CurrentUser;
import org.apache.sshd.common.file.util.BaseFileSystem;

/**
 * One SFTP session's view of its account's files. Ferry stores no folders, only paths of
 * files, so a folder made with {@code mkdir} is kept in memory for the account (all its
 * sessions on this node see it, as parallel clients like rclone expect) until a file
 * lands in it or the server restarts.
 */
final class FerryFileSystem extends BaseFileSystem<FerryPath> {

	private final CurrentUser owner;

	private final Set<String> newFolders;

	private volatile boolean open = true;

	FerryFileSystem(FerryFileSystemProvider provider, CurrentUser owner, Set<String> newFolders) {
		super(provider);
		this.owner = owner;
		this.newFolders = newFolders;
	}

	CurrentUser owner() {
		return owner;
	}

	/** Empty folders the account made ({@code /docs/new}). */
	Set<String> newFolders() {
		return newFolders;
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
