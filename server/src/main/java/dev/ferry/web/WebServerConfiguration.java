package dev.ferry.web;

import java.nio.file.Path;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
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
 * cleartext h2c), and problem+json instead of Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tlsFromPemFiles(HttpProperties properties) {
		return (factory) -> {
			if (!properties.tlsEnabled()) {
				return;
			}
			Ssl ssl = new Ssl();
			ssl.setCertificate(location(properties.tlsCert()));
			ssl.setCertificatePrivateKey(location(properties.tlsKey()));
			factory.setSsl(ssl);
			Http2 http2 = new Http2();
			http2.setEnabled(true);
			factory.setHttp2(http2);
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

	private static String location(String file) {
		return "file:" + Path.of(file).toAbsolutePath();
	}

}
