package dev.ferry.auth.saml;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.SqlDialect;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ferry's encryption key pair towards each identity provider: an RSA key made on first
 * use, its private half sealed under the KEK in {@code saml_sp_keys}, its public half in
 * a self-signed certificate that the metadata publishes (identity providers take the key
 * from it; nobody checks the certificate's chain). Nodes racing to make one keep
 * whichever was stored first. A provider with {@code sp-key-file} and
 * {@code sp-cert-file} uses that pair instead ({@link SpKeyFiles}).
 */
@Component
class SpKeys {

	private static final String CONTEXT = "saml-sp-key:";

	private static final int RSA_BITS = 3072;

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final SealedColumn sealed;

	private final Clock clock;

	private final Map<String, SpKey> known = new ConcurrentHashMap<>();

	SpKeys(KeyEncryptionKey kek, JdbcClient jdbc, SqlDialect dialect, Clock clock) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.sealed = SealedTable.register(kek, jdbc, "saml_sp_keys", "provider", "sealed_private_key", CONTEXT);
		this.clock = clock;
	}

	/**
	 * The provider's key pair: the operator's files, else the stored one, made and stored
	 * when it has none yet.
	 */
	SpKey forProvider(SamlProperties.Provider provider) {
		return known.computeIfAbsent(provider.id(),
				(id) -> SpKeyFiles.configured(provider) ? SpKeyFiles.read(provider) : load(id).orElseGet(() -> {
					store(id, generate(id));
					return load(id).orElseThrow();
				}));
	}

	private Optional<SpKey> load(String provider) {
		return jdbc.sql("SELECT certificate, sealed_private_key FROM saml_sp_keys WHERE provider = ?")
			.param(provider)
			.query((rs, i) -> read(provider, rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	private SpKey read(String provider, String certificate, byte[] sealedKey) {
		try {
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
			PrivateKey key = KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(sealed.open(sealedKey, CONTEXT + provider)));
			return new SpKey(key, cert);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The SAML key of " + provider + " cannot be read", ex);
		}
	}

	private void store(String provider, SpKey key) {
		jdbc.sql(dialect.insertIfAbsent("""
				INSERT INTO saml_sp_keys (provider, certificate, sealed_private_key, created_at)
				VALUES (?, ?, ?, ?)""", "provider"))
			.params(provider, key.certificateText(), sealed.seal(key.privateKey().getEncoded(), CONTEXT + provider),
					clock.millis())
			.update();
	}

	private SpKey generate(String provider) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(RSA_BITS, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
			X500Name name = new X500Name("CN=Ferry SAML " + provider);
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
					new BigInteger(64, new SecureRandom()), Date.from(now.minus(1, ChronoUnit.DAYS)),
					Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic());
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			return new SpKey(pair.getPrivate(), certificate);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make a SAML key pair", ex);
		}
	}

	/** A private key and the certificate that publishes its public half. */
	record SpKey(PrivateKey privateKey, X509Certificate certificate) {

		/** The certificate, base64 DER, as metadata carries it. */
		String certificateText() {
			try {
				return Base64.getEncoder().encodeToString(certificate.getEncoded());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot encode the SAML certificate", ex);
			}
		}

	}

}
