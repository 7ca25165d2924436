package dev.ferry.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code FERRY_WEBHOOKS_ALLOW_PRIVATE}, nothing is sent to loopback or private
 * addresses, whether written as an address or as a DNS name that resolves there.
 */
class AddressGuardTests {

	private final AddressGuard guard = new AddressGuard(properties(false));

	@Test
	void loopbackPrivateAndLinkLocalAddressesAreRefused() throws UnknownHostException {
		for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://10.1.2.3/",
				"http://192.168.0.10/", "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data",
				"http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://198.18.0.1/", "http://192.0.0.8/",
				"http://240.0.0.1/", "http://[64:ff9b::a00:5]/", "http://[64:ff9b::7f00:1]/",
				"http://[2002:c0a8:0101::1]/", "http://[::10.0.0.5]/", "http://[64:ff9b:1::5db8:d70e]/",
				"http://[2001:0:4136:e378::1]/" }) {
			assertThat(refused(guard, url)).as(url).isTrue();
		}
	}

	/**
	 * As a DNS answer (an AAAA record) delivers them: the JDK keeps these as IPv6, while
	 * a dual-stack socket connects to the IPv4 address inside.
	 */
	@Test
	void ipv6AddressesThatCarryAPrivateIpv4AddressAreRefused() throws UnknownHostException {
		assertThat(AddressGuard.isPrivate(resolvedIpv6("::ffff:169.254.169.254"))).as("mapped, link-local").isTrue();
		assertThat(AddressGuard.isPrivate(resolvedIpv6("::ffff:127.0.0.1"))).as("mapped, loopback").isTrue();
		assertThat(AddressGuard.isPrivate(resolvedIpv6("::ffff:0:10.0.0.1"))).as("translated, private").isTrue();
		assertThat(AddressGuard.isPrivate(resolvedIpv6("::ffff:93.184.215.14"))).as("mapped, public").isFalse();
	}

	/**
	 * The address as an IPv6 object, the way the JDK's resolver returns an AAAA answer.
	 */
	private static Inet6Address resolvedIpv6(String literal) throws UnknownHostException {
		byte[] bytes = new byte[16];
		String[] halves = literal.split("::", -1);
		String[] tail = halves[1].split(":");
		int at = 16;
		for (int i = tail.length - 1; i >= 0; i--) {
			if (tail[i].contains(".")) {
				byte[] ipv4 = InetAddress.getByName(tail[i]).getAddress();
				at -= 4;
				System.arraycopy(ipv4, 0, bytes, at, 4);
			}
			else {
				int group = Integer.parseInt(tail[i], 16);
				bytes[--at] = (byte) group;
				bytes[--at] = (byte) (group >> 8);
			}
		}
		return Inet6Address.getByAddress(null, bytes, -1);
	}

	@Test
	void aNameThatResolvesToLoopbackIsRefused() throws UnknownHostException {
		assertThat(refused(guard, "http://localhost:8080/hook")).isTrue();
	}

	@Test
	void publicAddressesPassAndTheSettingAllowsPrivateOnes() throws UnknownHostException {
		assertThat(refused(guard, "https://93.184.215.14/hook")).isFalse();
		assertThat(refused(guard, "https://[64:ff9b::5db8:d70e]/hook")).as("NAT64 of a public address").isFalse();
		assertThat(refused(guard, "https://[2002:5db8:d70e::1]/hook")).as("6to4 of a public address").isFalse();
		assertThat(refused(guard, "https://[2a00:1450:4001:82b::200e]/hook")).isFalse();
		assertThat(refused(new AddressGuard(properties(true)), "http://127.0.0.1/hook")).isFalse();
	}

	@Test
	void theSenderMakesNoRequestToARefusedAddress() {
		WebhookSender sender = new WebhookSender(guard, properties(false));
		WebhookSender.Result result = sender.send("http://localhost:9/hook", "msg_1", Instant.now(), "{}",
				List.of(WebhookSigner.newKey()));
		assertThat(result.delivered()).isFalse();
		assertThat(result.code()).isNull();
		assertThat(result.error()).isEqualTo("address_not_allowed");
	}

	private static boolean refused(AddressGuard guard, String url) throws UnknownHostException {
		try {
			guard.resolve(URI.create(url).getHost());
			return false;
		}
		catch (AddressGuard.NotAllowed ex) {
			return true;
		}
	}

	private static WebhookProperties properties(boolean allowPrivate) {
		return new WebhookProperties(allowPrivate, 8, Duration.ofSeconds(30), Duration.ofSeconds(10));
	}

}
