package dev.ferry.web;

import java.net.InetAddress;

import dev.ferry.RefusedSettingException;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Tomcat: HTTPS with HTTP/2 when {@code FERRY_TLS_CERT} and
 * {@code FERRY_TLS_KEY} name PEM files (HTTP/2 only with TLS, where browsers use it; no
 * cleartext h2c), socket write buffers that grow for large responses, the client address
 * from trusted proxies, no open {@code /metrics} on a network address, and problem+json
 * instead of Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebServerConfiguration.class);

	/** TLS 1.3 and TLS 1.2, the latter only with forward secrecy (ECDHE) and AEAD. */
	static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

	/**
	 * In the server's order of preference (Mozilla's "intermediate" profile without its
	 * DHE suites): no CBC (LUCKY13), no static RSA key exchange.
	 */
	static final String[] CIPHERS = { "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" };

	/**
	 * The certificate comes from {@link TlsCertificates}' bundle, which renewals update.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tlsFromPemFiles(HttpProperties properties) {
		return (factory) -> {
			if (!properties.tlsEnabled()) {
				return;
			}
			factory.setSsl(Ssl.forBundle(TlsCertificates.BUNDLE));
			factory.addConnectorCustomizers(TlsCertificates::honorCipherOrder);
			Http2 http2 = new Http2();
			http2.setEnabled(true);
			factory.setHttp2(http2);
		};
	}

	/** Large responses leave in 64 KiB socket writes instead of 8 KiB ones. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> largeSocketWrites() {
		return (factory) -> factory.setProtocol(LargeWritesNioProtocol.class.getName());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> clientAddressFromTrustedProxies(
			HttpProperties properties) {
		TrustedProxies proxies = properties.proxies();
		return (factory) -> {
			if (!proxies.isEmpty()) {
				log.info("Taking the client address from {} sent by {}",
						properties.rfc7239() ? "Forwarded" : "X-Forwarded-For", proxies);
			}
			// Also without trusted proxies: it warns about a proxy left out of them.
			factory.addEngineValves(new ClientAddressValve(proxies, properties.rfc7239()));
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> brokenAnswersCutOff() {
		return (factory) -> factory.addEngineValves(new BrokenAnswerValve());
	}

	/**
	 * {@code /metrics} without a token is only safe where nobody else can connect.
	 * Checked on the address Tomcat is about to bind, before it listens.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> metricsTokenOffLoopback(HttpProperties properties) {
		return (factory) -> {
			InetAddress address = factory.getAddress();
			if (!properties.metricsProtected() && (address == null || !address.isLoopbackAddress())) {
				throw new RefusedSettingException(
						"FERRY_BIND is " + ((address != null) ? address.getHostAddress() : "every interface")
								+ ", which is not a loopback address, and FERRY_METRICS_TOKEN is not set: "
								+ "/metrics would be open to the network.",
						"Set FERRY_METRICS_TOKEN to a long random value (for example the output of "
								+ "'openssl rand -hex 32') and give it to Prometheus, or bind to 127.0.0.1 or ::1.");
			}
		};
	}

	/**
	 * Runs after Boot's own customizer (which installs a plain {@link ErrorReportValve})
	 * and replaces that valve; naming the class on the host stops Tomcat adding another.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(JsonMapper json) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			host.getPipeline().addValve(new ProblemErrorReportValve(json));
		});
	}

}
