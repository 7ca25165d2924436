package dev.ferry.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.ferry.FerryProperties;
import dev.ferry.ops.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The key-encryption key (KEK): a Tink AES-256-GCM keyset kept in a file outside the blob
 * directory, created with mode 0600 on first start. It seals small secrets (data keys,
 * signing keys, TOTP secrets, ID tokens, mail bodies); it never touches file content
 * directly. Only a registered holder can seal ({@link #register}), so key rotation knows
 * every holder. Rotation adds a new primary key and keeps the old ones, so everything
 * sealed before still opens until it is re-sealed.
 */
@Component
public class KeyEncryptionKey {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

	/** Tink's output prefix: one version byte, then the 4-byte id of the sealing key. */
	private static final byte TINK_PREFIX = 0x01;

	private static final int PREFIX_SIZE = 5;

	private final Path keysetPath;

	private volatile Sealer sealer;

	private final Map<String, SealedValues> holders = new LinkedHashMap<>();

	public KeyEncryptionKey(FerryProperties properties) throws GeneralSecurityException {
		AeadConfig.register();
		this.keysetPath = properties.keysetPath();
		this.sealer = new Sealer(loadOrCreate());
	}

	/**
	 * Registers a holder of sealed values, {@code name} being {@code table.column} for a
	 * database column, with the callback that re-seals them after a rotation; answers the
	 * only handle that can seal. A name is registered once.
	 */
	public synchronized SealedColumn register(String name, SealedValues resealer) {
		if (holders.putIfAbsent(name, resealer) != null) {
			throw new IllegalStateException("Sealed values " + name + " are registered already");
		}
		return new SealedColumn(this, name);
	}

	/** The names registered so far. */
	public synchronized Set<String> registered() {
		return Set.copyOf(holders.keySet());
	}

	synchronized List<SealedValues> resealers() {
		return List.copyOf(holders.values());
	}

	/**
	 * Encrypts {@code plaintext} under the primary key, binding it to {@code context}
	 * (for example a row id).
	 */
	byte[] seal(byte[] plaintext, String context) {
		try {
			return sealer.aead().encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Sealing failed", ex);
		}
	}

	/**
	 * Decrypts what {@link #seal} produced for the same {@code context}, by any key. A
	 * value sealed by a key this node has not loaded yet (another node rotated the shared
	 * keyset file) makes it reload the file once.
	 */
	byte[] open(byte[] ciphertext, String context) {
		byte[] associatedData = context.getBytes(StandardCharsets.UTF_8);
		try {
			return sealer.aead().decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			Sealer reloaded = reloadForUnknownKey(ciphertext);
			if (reloaded != null) {
				try {
					return reloaded.aead().decrypt(ciphertext, associatedData);
				}
				catch (GeneralSecurityException again) {
					ex.addSuppressed(again);
				}
			}
			throw new CryptoException("Unsealing failed: wrong key or tampered data", ex);
		}
	}

	/**
	 * Opens {@code sealed} and seals it again under the current primary key. The
	 * plaintext never leaves this method.
	 */
	byte[] reseal(byte[] sealed, String context) {
		byte[] plaintext = open(sealed, context);
		try {
			return seal(plaintext, context);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	/** Id of the key that {@link #seal} uses now. */
	public int primaryKeyId() {
		return sealer.handle().getPrimary().getId();
	}

	/** Id of the key that sealed {@code sealed}, read from Tink's ciphertext prefix. */
	public int keyIdOf(byte[] sealed) {
		if (sealed == null || sealed.length < PREFIX_SIZE || sealed[0] != TINK_PREFIX) {
			throw new CryptoException("Not a value sealed by the key-encryption key");
		}
		return ByteBuffer.wrap(sealed, 1, 4).getInt();
	}

	/**
	 * Adds a fresh AES-256-GCM key, makes it primary and replaces the keyset file
	 * atomically. Older keys stay in the keyset so existing sealed values still open;
	 * re-seal them with {@link #reseal}. Returns the new primary key id.
	 */
	public synchronized int rotate() {
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(sealer.handle())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			writeOwnerOnly(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));
			this.sealer = new Sealer(rotated);
			int primary = rotated.getPrimary().getId();
			log.info("Rotated the key-encryption keyset at {}: new primary key {} ({} keys). Back it up again.",
					keysetPath, Integer.toUnsignedLong(primary), rotated.size());
			return primary;
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Key rotation failed", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write keyset " + keysetPath, ex);
		}
	}

	private synchronized Sealer reloadForUnknownKey(byte[] ciphertext) {
		if (ciphertext == null || ciphertext.length < PREFIX_SIZE || ciphertext[0] != TINK_PREFIX
				|| contains(sealer.handle(), keyIdOf(ciphertext))) {
			return null;
		}
		try {
			KeysetHandle onDisk = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetPath),
					InsecureSecretKeyAccess.get());
			if (!contains(onDisk, keyIdOf(ciphertext))) {
				return null;
			}
			this.sealer = new Sealer(onDisk);
			log.info("Reloaded the key-encryption keyset: it was rotated elsewhere (primary key {} now)",
					Integer.toUnsignedLong(onDisk.getPrimary().getId()));
			return sealer;
		}
		catch (IOException | GeneralSecurityException ex) {
			log.warn("Cannot reload the key-encryption keyset from {}", keysetPath, ex);
			return null;
		}
	}

	private static boolean contains(KeysetHandle keyset, int keyId) {
		for (int i = 0; i < keyset.size(); i++) {
			if (keyset.getAt(i).getId() == keyId) {
				return true;
			}
		}
		return false;
	}

	private KeysetHandle loadOrCreate() throws GeneralSecurityException {
		try {
			if (Files.exists(keysetPath)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetPath),
						InsecureSecretKeyAccess.get());
			}
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			writeOwnerOnly(TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
			log.info("Created key-encryption keyset at {} (mode 0600). Back it up: without it no file can be read.",
					keysetPath);
			return handle;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create keyset " + keysetPath, ex);
		}
	}

	/**
	 * Writes a temp file (0600) next to the keyset, syncs it, renames it over the keyset
	 * and syncs the directory: a crash leaves either the old or the new keyset, whole.
	 */
	private void writeOwnerOnly(String content) throws IOException {
		Path dir = keysetPath.toAbsolutePath().getParent();
		DataDirectory.createOwnerOnly(dir);
		Path temp = Files.createTempFile(dir, ".kek", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			Files.move(temp, keysetPath, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
			directory.force(true);
		}
	}

	private record Sealer(KeysetHandle handle, Aead aead) {

		Sealer(KeysetHandle handle) throws GeneralSecurityException {
			this(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}

	}

}
