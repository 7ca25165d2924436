package dev.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sender's side of an end-to-end encrypted transfer, as the web UI does it
 * (docs/sharing.md): each file sealed as an age file for the {@link E2eLock} under an
 * opaque name, and the title, message and real names only in the encrypted manifest. The
 * ciphertext is written to a temporary folder first so that tus uploads a file of known
 * size; that folder is removed afterwards.
 */
final class E2eSend implements AutoCloseable {

	private final E2eLock lock;

	private final Path work;

	private final Map<String, Uploads.Item> plainBySealed = new HashMap<>();

	E2eSend(E2eLock lock) throws IOException {
		this.lock = lock;
		this.work = Files.createTempDirectory("ferry-e2e-");
	}

	/**
	 * The items to upload instead of {@code items}: their age-encrypted copies, all in
	 * {@code folder} itself, since the names of the sent folder's subfolders would tell
	 * the server what only the manifest may.
	 */
	List<Uploads.Item> seal(List<Uploads.Item> items, String folder) throws IOException {
		List<Uploads.Item> sealed = new ArrayList<>();
		for (Uploads.Item item : items) {
			String name = "e2e-" + HexFormat.of().formatHex(AgeCrypto.random(8)) + ".age";
			Path target = work.resolve(name);
			try (OutputStream out = lock.seal(Files.newOutputStream(target))) {
				Files.copy(item.file(), out);
			}
			sealed.add(new Uploads.Item(target, folder));
			plainBySealed.put(target.toString(), item);
		}
		return sealed;
	}

	/** The manifest (standard base64 of an age file) naming each uploaded file. */
	String manifest(String title, String message, List<Uploads.Result> uploaded) throws IOException {
		ObjectNode json = Json.object().put("title", title).put("message", message);
		ArrayNode files = json.putArray("files");
		Set<String> taken = new HashSet<>();
		for (Uploads.Result result : uploaded) {
			Path plain = plainBySealed.get(result.local()).file();
			files.add(Json.object()
				.put("id", result.id())
				.put("name", freeName(plain.getFileName().toString(), taken))
				.put("type", Files.probeContentType(plain))
				.put("size", Files.size(plain)));
		}
		ByteArrayOutputStream sealed = new ByteArrayOutputStream();
		try (OutputStream out = lock.seal(sealed)) {
			out.write(Json.write(json).getBytes(StandardCharsets.UTF_8));
		}
		return Base64.getEncoder().encodeToString(sealed.toByteArray());
	}

	/**
	 * {@code name}, or {@code name (n)} before its extension when another file of the
	 * transfer has it already (two folders' {@code README.md}): a recipient saves every
	 * file side by side.
	 */
	static String freeName(String name, Set<String> taken) {
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot) : "";
		String free = name;
		for (int n = 1; !taken.add(free); n++) {
			free = stem + " (" + n + ")" + extension;
		}
		return free;
	}

	/** The link to give the recipients: with the key as its fragment in link-key mode. */
	String link(String url) {
		return lock.link(url);
	}

	@Override
	public void close() throws IOException {
		try (var files = Files.list(work)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(work);
	}

}
