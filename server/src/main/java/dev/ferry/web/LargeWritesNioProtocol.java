package dev.ferry.web;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's HTTP/1.1 NIO connector with {@link GrowingWriteBuffer}s on cleartext
 * connections, so a large response leaves in 64 KiB socket writes instead of 8 KiB ones.
 * TLS connections keep Tomcat's buffers (it sizes them to the TLS record itself). Tomcat
 * creates the protocol by class name, hence public.
 */
public class LargeWritesNioProtocol extends Http11NioProtocol {

	/** The size a streaming connection's write buffer grows to. */
	static final int GROWN_WRITE_BUFFER = 64 * 1024;

	/**
	 * Full buffers in a row before it grows: 32 KiB of one response at Tomcat's 8 KiB.
	 */
	static final int GROW_AFTER = 4;

	public LargeWritesNioProtocol() {
		super(new Endpoint());
	}

	private static final class Endpoint extends NioEndpoint {

		@Override
		protected NioChannel createChannel(SocketBufferHandler buffer) {
			if (isSSLEnabled()) {
				return super.createChannel(buffer);
			}
			var properties = getSocketProperties();
			return super.createChannel(new GrowingWriteBuffer(properties.getAppReadBufSize(),
					properties.getAppWriteBufSize(), GROWN_WRITE_BUFFER, GROW_AFTER, properties.getDirectBuffer()));
		}

	}

}
