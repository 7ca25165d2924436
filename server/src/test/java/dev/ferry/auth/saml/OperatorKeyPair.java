package dev.ferry.auth.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair an operator would make with openssl for {@code sp-key-file} and
 * {@code sp-cert-file}: an RSA key in PEM (PKCS#1, as {@code openssl genrsa} writes it)
 * and its self-signed certificate in PEM, in temporary files.
 */
record OperatorKeyPair(Path keyFile, Path certificateFile, String certificateText) {

	static OperatorKeyPair make() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Operator SAML key");
			Instant now = Instant.now();
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
						Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
						pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			Path key = Files.createTempFile("ferry-saml-sp", ".key");
			Path cert = Files.createTempFile("ferry-saml-sp", ".crt");
			key.toFile().deleteOnExit();
			cert.toFile().deleteOnExit();
			writePem(key, pair);
			writePem(cert, certificate);
			return new OperatorKeyPair(key, cert, Base64.getEncoder().encodeToString(certificate.getEncoded()));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writePem(Path file, Object object) {
		try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
