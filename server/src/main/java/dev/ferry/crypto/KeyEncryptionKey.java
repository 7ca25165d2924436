package dev.ferry.crypto;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Duration;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
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

	/** How often sealing checks whether another node rotated the shared keyset file. */
	private static final Duration RECHECK = Duration.ofSeconds(10);

	private final Path keysetPath;

	private final long recheckNanos;

	private volatile Sealer sealer;

	private volatile long checkedAt = System.nanoTime();

	private volatile FileTime loadedModified;

	private final Map<String, SealedValues> holders = new LinkedHashMap<>();

	@Autowired
	public KeyEncryptionKey(FerryProperties properties) throws GeneralSecurityException {
		this(properties, RECHECK);
	}

	KeyEncryptionKey(FerryProperties properties, Duration recheck) throws GeneralSecurityException {
		AeadConfig.register();
		this.keysetPath = properties.keysetPath();
		this.recheckNanos = recheck.toNanos();
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

	/** How long another node sharing the keyset may go on sealing under an older key. */
	Duration recheck() {
		return Duration.ofNanos(recheckNanos);
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
			return current().aead().encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
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
	 * Adds a fresh AES-256-GCM key to the keyset file, makes it primary and replaces the
	 * file atomically. Older keys stay so existing sealed values still open; re-seal them
	 * with {@link #reseal}. Nodes sharing the file rotate one at a time (a lock file
	 * beside it) and each builds on what is on disk, so no rotation drops another's key.
	 * Returns the new primary key id.
	 */
	public synchronized int rotate() {
		try (Closeable held = KeysetFile.lock(keysetPath)) {
			KeysetHandle rotated = KeysetHandle.newBuilder(onDisk())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			KeysetFile.write(keysetPath,
					TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));
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

	/**
	 * The keyset to seal with: every {@link #RECHECK} the file's modification time is
	 * compared, and a primary key another node rotated to is taken up, so no node keeps
	 * sealing under a key an operator may retire once the rotation answered.
	 */
	private Sealer current() {
		long now = System.nanoTime();
		if (now - checkedAt >= recheckNanos) {
			checkedAt = now;
			reloadIfRotated();
		}
		return sealer;
	}

	private synchronized void reloadIfRotated() {
		try {
			FileTime modified = Files.getLastModifiedTime(keysetPath);
			if (modified.equals(loadedModified)) {
				return;
			}
			KeysetHandle onDisk = onDisk();
			if (onDisk.getPrimary().getId() != sealer.handle().getPrimary().getId()) {
				this.sealer = new Sealer(onDisk);
				log.info("Took up the key-encryption keyset rotated elsewhere (primary key {} now)",
						Integer.toUnsignedLong(onDisk.getPrimary().getId()));
			}
			loadedModified = modified;
		}
		catch (IOException | GeneralSecurityException ex) {
			log.warn("Cannot check the key-encryption keyset {} for a rotation", keysetPath, ex);
		}
	}

	private KeysetHandle onDisk() throws IOException, GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetPath), InsecureSecretKeyAccess.get());
	}

	private synchronized Sealer reloadForUnknownKey(byte[] ciphertext) {
		if (ciphertext == null || ciphertext.length < PREFIX_SIZE || ciphertext[0] != TINK_PREFIX
				|| contains(sealer.handle(), keyIdOf(ciphertext))) {
			return null;
		}
		try {
			KeysetHandle onDisk = onDisk();
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
				return onDisk();
			}
			// Nodes starting together on a shared volume: one creates, the others read
			// it.
			try (Closeable held = KeysetFile.lock(keysetPath)) {
				if (Files.exists(keysetPath)) {
					return onDisk();
				}
				KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
				KeysetFile.write(keysetPath,
						TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
				log.info("Created key-encryption keyset at {} (mode 0600). Back it up: without it no file can be "
						+ "read.", keysetPath);
				return handle;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create keyset " + keysetPath, ex);
		}
	}

	private record Sealer(KeysetHandle handle, Aead aead) {

		Sealer(KeysetHandle handle) throws GeneralSecurityException {
			this(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}

	}

}
