package dev.ferry.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

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
 * signing keys, TOTP secrets); it never touches file content directly.
 */
@Component
public class KeyEncryptionKey {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

	private final Path keysetPath;

	private volatile Aead aead;

	public KeyEncryptionKey(FerryProperties properties) throws GeneralSecurityException {
		AeadConfig.register();
		this.keysetPath = properties.keysetPath();
		this.aead = loadOrCreate().getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	/**
	 * Encrypts {@code plaintext}, binding it to {@code context} (for example a row id).
	 */
	public byte[] seal(byte[] plaintext, String context) {
		try {
			return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Sealing failed", ex);
		}
	}

	/** Decrypts what {@link #seal} produced for the same {@code context}. */
	public byte[] open(byte[] ciphertext, String context) {
		try {
			return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Unsealing failed: wrong key or tampered data", ex);
		}
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

	private void writeOwnerOnly(String content) throws IOException {
		Path dir = keysetPath.toAbsolutePath().getParent();
		DataDirectory.createOwnerOnly(dir);
		Path temp = Files.createTempFile(dir, ".kek", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temp, content);
		Files.move(temp, keysetPath, StandardCopyOption.ATOMIC_MOVE);
	}

}
