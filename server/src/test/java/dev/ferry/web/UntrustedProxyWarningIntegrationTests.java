package dev.ferry.web;

import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with no trusted proxy at all (the default) that is reached through one anyway:
 * a loopback peer sending {@code X-Forwarded-For} is reported once in the log, with the
 * setting that fixes it, and the header still changes nothing. The peers' addresses are
 * used by no other test, so the once-per-peer warning is this test's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class UntrustedProxyWarningIntegrationTests extends IntegrationTest {

	@Test
	void aLocalPeerSendingForwardedForWithoutBeingTrustedIsReportedOnce(CapturedOutput output) {
		String forgotten = "127.0.0.79";
		String url = "http://127.0.0.1:" + port + "/health";
		for (int i = 0; i < 3; i++) {
			assertThat(Curl.request("--interface", forgotten, "-H", "X-Forwarded-For: 203.0.113.5", url).status())
				.isEqualTo(200);
		}
		assertThat(Curl.request("--interface", "127.0.0.80", url).status()).isEqualTo(200);

		String warning = forgotten + " sends X-Forwarded-For but is no trusted proxy";
		assertThat(StringUtils.countOccurrencesOf(output.getOut(), warning)).as("logged once").isEqualTo(1);
		assertThat(output.getOut()).contains("add " + forgotten + " to FERRY_TRUSTED_PROXIES")
			.doesNotContain("127.0.0.80 sends");
	}

}
