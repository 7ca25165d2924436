package dev.ferry.scan;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where clamd listens: {@code tcp://host:port} or the path of its Unix socket. */
final class ClamdAddress {

	private ClamdAddress() {
	}

	static SocketAddress parse(String value) {
		String text = value.trim();
		if (text.startsWith("/")) {
			return UnixDomainSocketAddress.of(Path.of(text));
		}
		try {
			URI uri = new URI(text);
			if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
				return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
			}
		}
		catch (URISyntaxException ex) {
			// falls through to the one message below
		}
		throw new IllegalArgumentException(
				"FERRY_CLAMD must be tcp://host:port or the absolute path of clamd's Unix socket, not " + text);
	}

}
