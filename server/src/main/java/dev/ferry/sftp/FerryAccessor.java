package dev.ferry.sftp;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Opens files and folders through Ferry's file system provider: the default accessor
 * would ask for {@code FileChannel}s and secure directory streams, which only a disk has.
 * Ferry has no links, so following them changes nothing.
 */
final class FerryAccessor implements SftpFileSystemAccessor {

	@Override
	public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
			Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
		Set<OpenOption> plain = new java.util.HashSet<>(options);
		plain.remove(LinkOption.NOFOLLOW_LINKS);
		return Files.newByteChannel(file, plain);
	}

	@Override
	public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle dirHandle, Path dir,
			String handle, LinkOption... linkOptions) throws IOException {
		return Files.newDirectoryStream(dir);
	}

}
