package dev.ferry.crypto;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.ferry.ops.DataDirectory;

/** Writing the keyset file so that no crash and no other reader ever sees half of it. */
final class KeysetFile {

	private KeysetFile() {
	}

	/**
	 * Holds the lock file beside the keyset until closed: nodes sharing the keyset create
	 * and rotate it one at a time. (A file system without working locks, such as NFS
	 * mounted {@code nolock}, gives no such turn.)
	 */
	static Closeable lock(Path keysetPath) throws IOException {
		DataDirectory.createOwnerOnly(keysetPath.toAbsolutePath().getParent());
		FileChannel channel = FileChannel.open(keysetPath.resolveSibling(keysetPath.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			FileLock held = channel.lock();
			return () -> {
				held.release();
				channel.close();
			};
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Writes a temp file (0600) next to the keyset, syncs it, renames it over the keyset
	 * and syncs the directory: a crash leaves either the old or the new keyset, whole.
	 */
	static void write(Path keysetPath, String content) throws IOException {
		DataDirectory.writeDurably(keysetPath, (out) -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}

}
