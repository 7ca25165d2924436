package dev.ferry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.HexFormat;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server's certificate and key ({@code FERRY_TLS_CERT}, {@code FERRY_TLS_KEY}) as a
 * Spring Boot SSL bundle, read again when the files change: a renewal (certbot,
 * cert-manager, a copy by hand) takes effect on the next handshake, without a restart.
 * Files that do not load (a key copied before its certificate, a half-written file) are
 * not taken: the server keeps the certificate it has and tries again at the next check.
 */
@Component
class TlsCertificates implements SslBundleRegistrar {

	static final String BUNDLE = "ferry";

	private static final Logger log = LoggerFactory.getLogger(TlsCertificates.class);

	private final HttpProperties properties;

	private final ApplicationContext context;

	private volatile String loaded;

	TlsCertificates(HttpProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void registerBundles(SslBundleRegistry registry) {
		if (properties.tlsEnabled()) {
			String fingerprint = fingerprint();
			registry.registerBundle(BUNDLE, load());
			loaded = fingerprint;
		}
	}

	@Scheduled(fixedDelayString = "${ferry.http.tls-reload-interval:10s}",
			initialDelayString = "${ferry.http.tls-reload-interval:10s}")
	void reloadWhenChanged() {
		if (!properties.tlsEnabled()) {
			return;
		}
		String fingerprint = fingerprint();
		if (fingerprint.equals(loaded)) {
			return;
		}
		try {
			SslBundle bundle = load();
			context.getBean(SslBundleRegistry.class).updateBundle(BUNDLE, bundle);
			loaded = fingerprint;
			honorCipherOrderOnEveryConnector();
			log.info("TLS certificate {} changed; new connections use it", properties.tlsCert());
		}
		catch (RuntimeException ex) {
			log.warn("TLS certificate {} or key changed but does not load ({}); keeping the current one",
					properties.tlsCert(), ex.getMessage());
		}
	}

	/** Clients must not talk the server down to a weaker suite they prefer. */
	static void honorCipherOrder(Connector connector) {
		for (SSLHostConfig host : connector.findSslHostConfigs()) {
			host.setHonorCipherOrder(true);
		}
	}

	/**
	 * Boot replaces the connector's TLS configuration on an update; set the order again.
	 */
	private void honorCipherOrderOnEveryConnector() {
		if (context instanceof WebServerApplicationContext web
				&& web.getWebServer() instanceof TomcatWebServer tomcat) {
			for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
				honorCipherOrder(connector);
			}
		}
	}

	/**
	 * Reads both files now and checks that the key belongs to the certificate, so a bad
	 * pair fails here rather than at every handshake.
	 */
	private SslBundle load() {
		PemSslStoreDetails details = new PemSslStoreDetails(null, location(properties.tlsCert()),
				location(properties.tlsKey()));
		SslBundle bundle = SslBundle.of(new PemSslStoreBundle(details, null), null,
				SslOptions.of(WebServerConfiguration.CIPHERS, WebServerConfiguration.PROTOCOLS));
		requireMatchingKey(bundle.getStores().getKeyStore());
		return bundle;
	}

	private static void requireMatchingKey(KeyStore store) {
		try {
			String alias = store.aliases().nextElement();
			PrivateKey key = (PrivateKey) store.getKey(alias, null);
			Certificate certificate = store.getCertificate(alias);
			String algorithm = switch (key.getAlgorithm()) {
				case "EC" -> "SHA256withECDSA";
				case "RSA" -> "SHA256withRSA";
				default -> key.getAlgorithm();
			};
			byte[] probe = "ferry-tls-key-check".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate);
			verifier.update(probe);
			if (!verifier.verify(signature)) {
				throw new IllegalStateException("the private key does not belong to the certificate");
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the private key does not belong to the certificate", ex);
		}
	}

	/** A digest of both files: cheap to compute every few seconds, and never logged. */
	private String fingerprint() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(Files.readAllBytes(Path.of(properties.tlsCert())));
			digest.update(Files.readAllBytes(Path.of(properties.tlsKey())));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			return "unreadable: " + ex.getMessage();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(String file) {
		return "file:" + Path.of(file).toAbsolutePath();
	}

}
