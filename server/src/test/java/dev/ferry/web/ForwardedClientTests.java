package dev.ferry.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.ferry.RefusedSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The header walk of {@link ForwardedClient} and the ranges of {@link TrustedProxies} on
 * the cases an integration test cannot cheaply set up; the end-to-end behaviour is in
 * {@link ClientAddressIntegrationTests}.
 */
class ForwardedClientTests {

	private static final TrustedProxies PROXIES = TrustedProxies
		.of(List.of("10.0.0.0/8", " 192.0.2.1 ", "2001:db8:ff::/48", ""));

	private final ForwardedClient resolver = new ForwardedClient(PROXIES, false);

	private final ForwardedClient standard = new ForwardedClient(PROXIES, true);

	@Test
	void anUntrustedPeerIsNeverResolved() {
		assertThat(resolver.resolve("192.0.2.2", none(), lines("203.0.113.1"), lines("https"))).isNull();
		assertThat(resolver.resolve("11.0.0.1", none(), lines("203.0.113.1"), none())).isNull();
		assertThat(resolver.resolve("not-an-address", none(), lines("203.0.113.1"), none())).isNull();
	}

	@Test
	void theRightmostUntrustedHopWinsAcrossHeaderLinesAndPorts() {
		assertThat(resolver.resolve("10.0.0.1", none(), lines("198.51.100.1, 203.0.113.7:5555", "10.9.9.9"), none()))
			.isEqualTo(new ForwardedClient.Client("203.0.113.7", null));
		assertThat(resolver.resolve("10.0.0.1", none(), lines("10.1.1.1, 10.2.2.2"), none()))
			.as("all trusted: the leftmost")
			.isEqualTo(new ForwardedClient.Client("10.1.1.1", null));
		assertThat(resolver.resolve("10.0.0.1", none(), lines("[2001:db8:cafe::1]:80, 2001:db8:ff:1::9"), none()))
			.isEqualTo(new ForwardedClient.Client("2001:db8:cafe:0:0:0:0:1", null));
	}

	@Test
	void theProtocolIsTheOneOfTheChosenHop() {
		assertThat(resolver.resolve("10.0.0.1", none(), lines("203.0.113.7, 10.2.2.2"), lines("https, http")))
			.isEqualTo(new ForwardedClient.Client("203.0.113.7", true));
		assertThat(resolver.resolve("10.0.0.1", none(), lines("203.0.113.7, 10.2.2.2"), lines("https")))
			.as("one value applies to every hop")
			.isEqualTo(new ForwardedClient.Client("203.0.113.7", true));
		assertThat(resolver.resolve("10.0.0.1", none(), none(), lines("https")))
			.isEqualTo(new ForwardedClient.Client("10.0.0.1", true));
		assertThat(standard.resolve("10.0.0.1", lines("proto=https"), none(), none()))
			.isEqualTo(new ForwardedClient.Client("10.0.0.1", true));
		assertThat(standard.resolve("10.0.0.1", lines("for=203.0.113.7;proto=gopher"), none(), none()))
			.isEqualTo(new ForwardedClient.Client("203.0.113.7", null));
	}

	@Test
	void onlyTheChosenHeaderCountsAndQuotesAreHonoured() {
		assertThat(standard.resolve("10.0.0.1", lines("For=\"203.0.113.8\";Proto=https;by=\"[2001:db8::1]\""),
				lines("198.51.100.99"), lines("http")))
			.isEqualTo(new ForwardedClient.Client("203.0.113.8", true));
		assertThat(resolver.resolve("10.0.0.1", lines("for=203.0.113.8;proto=https"), lines("198.51.100.99"),
				lines("http")))
			.as("a Forwarded header the proxy passed through from the client names nobody")
			.isEqualTo(new ForwardedClient.Client("198.51.100.99", false));
		assertThat(resolver.resolve("10.0.0.1", lines("for=203.0.113.8"), none(), none()))
			.isEqualTo(new ForwardedClient.Client("10.0.0.1", null));
		assertThat(standard.resolve("10.0.0.1",
				lines("for=198.51.100.1, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=\"[2001:db8:ff::2]\""),
				none(), none()))
			.as("RFC 7239 with IPv6 hops: past the trusted one, ports dropped")
			.isEqualTo(new ForwardedClient.Client("2001:db8:cafe:0:0:0:0:17", true));
		assertThat(standard.resolve("10.0.0.1", lines("for=_hidden, for=10.3.3.3"), none(), none()))
			.as("an obfuscated hop stops at the last known address")
			.isEqualTo(new ForwardedClient.Client("10.3.3.3", null));
	}

	@Test
	void rangesMatchOnTheirPrefixOnly() {
		TrustedProxies proxies = TrustedProxies.of(List.of("172.16.0.0/12", "fd00::/8", "0.0.0.0/8"));
		assertThat(proxies.trusts(TrustedProxies.literal("172.31.255.255"))).isTrue();
		assertThat(proxies.trusts(TrustedProxies.literal("fdff::1"))).isTrue();
		assertThat(proxies.trusts(TrustedProxies.literal("fe00::1"))).isFalse();
		assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts(TrustedProxies.literal("172.32.0.1"))).isFalse();
		assertThat(TrustedProxies.literal("example.com")).as("never a name lookup").isNull();
		assertThat(TrustedProxies.literal("256.1.1.1")).isNull();
	}

	@Test
	void aBadEntryStopsTheStartNamingIt() {
		for (String entry : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0.0/0",
				"0.0.0.0/7", "::/0")) {
			assertThatExceptionOfType(RefusedSettingException.class).isThrownBy(() -> TrustedProxies.of(List.of(entry)))
				.withMessageContaining("FERRY_TRUSTED_PROXIES: '" + entry + "'");
		}
	}

	private static Enumeration<String> lines(String... lines) {
		return Collections.enumeration(List.of(lines));
	}

	private static Enumeration<String> none() {
		return Collections.emptyEnumeration();
	}

}
