package dev.ferry.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The recipient's side of an end-to-end encrypted transfer (docs/sharing.md): the key
 * from the link's fragment or an age key file, the file names from the encrypted manifest
 * the sender's browser or CLI wrote, and each downloaded age file opened to plaintext.
 */
final class E2eFiles {

	private E2eFiles() {
	}

	/**
	 * The passphrase when one was given, else the identity in an age key file or else in
	 * the link's {@code #AGE-SECRET-KEY-1…} fragment.
	 */
	static AgeKey key(String link, Path keyFile, PassphraseOptions passphrase) throws IOException {
		if (passphrase.given()) {
			if (keyFile != null) {
				throw new CliException(ExitCode.USAGE, "Choose one: --passphrase or --identity.");
			}
			return passphrase.resolve(false);
		}
		if (keyFile != null) {
			if (!Files.isRegularFile(keyFile)) {
				throw new CliException(ExitCode.USAGE, "No key file at " + keyFile + ".");
			}
			for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
				if (line.strip().startsWith("AGE-SECRET-KEY-1")) {
					return AgeIdentity.parse(line);
				}
			}
			throw new CliException(ExitCode.USAGE, keyFile + " holds no AGE-SECRET-KEY-1... line.");
		}
		int hash = link.indexOf('#');
		if (hash < 0) {
			throw new CliException(ExitCode.USAGE, "--e2e needs the key: the whole link with its #AGE-SECRET-KEY-1... "
					+ "part, --identity FILE, or --passphrase.");
		}
		return AgeIdentity.parse(link.substring(hash + 1));
	}

	/** File id → name from the link's manifest; empty when the sender wrote none. */
	static Map<String, String> names(JsonNode info, AgeKey key) throws IOException {
		Map<String, String> names = new HashMap<>();
		String manifest = Json.text(info.path("manifest"));
		if (manifest == null || manifest.isEmpty()) {
			return names;
		}
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		AgeDecrypt.decrypt(new ByteArrayInputStream(Base64.getDecoder().decode(manifest)), key, plain);
		for (JsonNode file : Json.MAPPER.readTree(plain.toString(StandardCharsets.UTF_8)).path("files")) {
			String name = safeName(file.path("name").asString(""));
			if (name != null) {
				names.put(file.path("id").asString(), name);
			}
		}
		return names;
	}

	/**
	 * The last part of a sender-chosen name, so that it cannot point outside the output
	 * folder; null for a name that is no file name here (then the server's name is used).
	 */
	static String safeName(String name) {
		try {
			Path last = Path.of(name).getFileName();
			String text = (last != null) ? last.toString() : "";
			return (text.isBlank() || text.equals("..") || text.equals(".")) ? null : text;
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

	/** The manifest's name for a file, else the server's name without its ".age". */
	static String plainName(Map<String, String> names, String id, String serverName) {
		String name = names.get(id);
		if (name != null) {
			return name;
		}
		return (serverName.endsWith(".age") && serverName.length() > 4)
				? serverName.substring(0, serverName.length() - 4) : serverName;
	}

	/**
	 * Decrypts {@code sealed} into {@code target} through {@code target.part}, so a
	 * damaged file leaves no plaintext behind that looks complete; the age file is then
	 * removed.
	 */
	static void open(Path sealed, Path target, AgeKey key, boolean force) throws IOException {
		if (Files.exists(target) && !force) {
			throw new CliException(ExitCode.REFUSED,
					target + " already exists; choose another name with -o or replace it with --force.");
		}
		Path part = target.resolveSibling(target.getFileName() + ".part");
		try (InputStream in = Files.newInputStream(sealed); OutputStream out = Files.newOutputStream(part)) {
			AgeDecrypt.decrypt(in, key, out);
		}
		catch (CliException ex) {
			Files.deleteIfExists(part);
			throw ex;
		}
		Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		Files.delete(sealed);
	}

}
