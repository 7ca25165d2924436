package dev.ferry.auth.saml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A key pair the operator supplies instead of the one Ferry makes ({@code sp-key-file}
 * and {@code sp-cert-file}), for identity providers where a fixed certificate must be
 * registered: an unencrypted RSA private key in PEM (PKCS#8 {@code PRIVATE KEY} or PKCS#1
 * {@code RSA PRIVATE KEY}) and the X.509 certificate of its public half in PEM. Read at
 * startup, so a missing file or a certificate of another key stops Ferry with the reason
 * rather than failing the first sign-in.
 */
final class SpKeyFiles {

	private SpKeyFiles() {
	}

	/** Whether the provider names key files; both or neither must be given. */
	static boolean configured(SamlProperties.Provider provider) {
		boolean key = present(provider.spKeyFile());
		if (key != present(provider.spCertFile())) {
			throw new IllegalStateException(
					"SAML provider " + provider.id() + " needs both sp-key-file and sp-cert-file, or neither");
		}
		return key;
	}

	static SpKeys.SpKey read(SamlProperties.Provider provider) {
		String where = "SAML provider " + provider.id() + ": ";
		PrivateKey key = privateKey(Path.of(provider.spKeyFile()), where);
		X509Certificate certificate = certificate(Path.of(provider.spCertFile()), where);
		if (!(key instanceof RSAPrivateCrtKey rsa) || !(certificate.getPublicKey() instanceof RSAPublicKey pub)
				|| !rsa.getModulus().equals(pub.getModulus())) {
			throw new IllegalStateException(where + provider.spCertFile() + " is not the certificate of the RSA key in "
					+ provider.spKeyFile());
		}
		return new SpKeys.SpKey(key, certificate);
	}

	private static PrivateKey privateKey(Path file, String where) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			Object pem = parser.readObject();
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			if (pem instanceof PrivateKeyInfo info) {
				return converter.getPrivateKey(info);
			}
			if (pem instanceof PEMKeyPair pair) {
				return converter.getPrivateKey(pair.getPrivateKeyInfo());
			}
			throw new IllegalStateException(
					where + file + " holds no unencrypted PEM private key (PRIVATE KEY or RSA PRIVATE KEY)");
		}
		catch (IOException ex) {
			throw new IllegalStateException(where + "cannot read the key file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static X509Certificate certificate(Path file, String where) {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(where + "cannot read the certificate file " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	private static boolean present(String file) {
		return file != null && !file.isBlank();
	}

}
