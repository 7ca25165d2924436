package dev.ferry.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.testing.ContentSafetyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** The INSTREAM client against the real clamd, over TCP and over its Unix socket. */
class ClamdClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void tcpFindsEicarInsideALargerStreamAndPassesCleanContent() throws IOException {
		ClamdClient clamd = new ClamdClient(ContentSafetyTest.requiredEnv("FERRY_TEST_CLAMD"), TIMEOUT);
		byte[] padded = new byte[300_000];
		System.arraycopy(ContentSafetyTest.EICAR, 0, padded, 200_000, ContentSafetyTest.EICAR.length);
		assertThat(clamd.scan(new ByteArrayInputStream(padded)))
			.isEqualTo(new ClamdClient.Verdict(true, "Ferry.Test.EICAR.UNOFFICIAL"));
		assertThat(clamd.scan(new ByteArrayInputStream(new byte[300_000])))
			.isEqualTo(new ClamdClient.Verdict(false, null));
	}

	@Test
	void unixSocketScansToo() throws IOException {
		ClamdClient clamd = new ClamdClient(ContentSafetyTest.requiredEnv("FERRY_TEST_CLAMD_SOCKET"), TIMEOUT);
		assertThat(clamd.scan(new ByteArrayInputStream(ContentSafetyTest.EICAR)).infected()).isTrue();
		assertThat(clamd.scan(InputStream.nullInputStream()).infected()).isFalse();
	}

	@Test
	void aScannerThatIsNotThereFailsTheScanInsteadOfCallingTheFileClean() {
		ClamdClient clamd = new ClamdClient("/nonexistent/clamd.sock", TIMEOUT);
		assertThatIOException()
			.isThrownBy(() -> clamd.scan(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII))));
	}

	/**
	 * A listener whose accept queue is full drops further SYNs, like a host behind a
	 * firewall that drops packets: the connect would wait for the system's timeout
	 * (minutes), so the scan's own timeout must cover it.
	 */
	@Test
	@Timeout(60)
	void aConnectThatHangsEndsAtTheTimeout() throws IOException {
		List<Socket> queued = new ArrayList<>();
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < 8; i++) {
				Socket socket = new Socket();
				queued.add(socket);
				try {
					socket.connect(silent.getLocalSocketAddress(), 200);
				}
				catch (SocketTimeoutException ex) {
					break;
				}
			}
			ClamdClient clamd = new ClamdClient("tcp://127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(1));

			assertThatIOException().isThrownBy(() -> clamd.scan(InputStream.nullInputStream()));
		}
		finally {
			for (Socket socket : queued) {
				socket.close();
			}
		}
	}

	@Test
	void addressesAreTcpUrlsOrSocketPaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClamdAddress.parse("localhost:3310"))
			.withMessageContaining("FERRY_CLAMD");
		assertThatIllegalArgumentException().isThrownBy(() -> ClamdAddress.parse("http://localhost:3310"));
		assertThat(ClamdAddress.parse("tcp://127.0.0.1:3310").toString()).contains("3310");
	}

}
