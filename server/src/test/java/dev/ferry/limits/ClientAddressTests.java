package dev.ferry.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void ipv6AddressesOfOneSlash64CountAsOne() {
		assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:ffff:1:2:3"))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
	}

	@Test
	void ipv4AddressesCountOneByOneAlsoWhenMapped() {
		assertThat(ClientAddress.key("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddress.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddress.key("192.0.2.8")).isNotEqualTo(ClientAddress.key("192.0.2.7"));
	}

	@Test
	void somethingThatIsNoAddressIsNeverResolved() {
		assertThat(ClientAddress.key("example.com")).isEqualTo("example.com");
		assertThat(ClientAddress.key(null)).isEqualTo("null");
	}

	/**
	 * Names made of hex digits and dots pass a check for the characters of a literal, and
	 * the JDK resolves whatever it cannot parse: a rule of {@code bad.cafe} would have
	 * asked a name server the sender controls.
	 */
	@Test
	void onlyDottedQuadsAndIpv6LiteralsAreAddresses() {
		assertThat(ClientAddress.literal("192.0.2.7"))
			.hasValueSatisfying((address) -> assertThat(address.getHostAddress()).isEqualTo("192.0.2.7"));
		assertThat(ClientAddress.literal("2001:db8::1")).isPresent();
		assertThat(ClientAddress.literal("::ffff:192.0.2.7")).isPresent();
		for (String name : new String[] { "bad.cafe", "dead.beef.de", "1.2.3.4.5", "1.2.3", "127.1", "0x7f.1",
				"256.1.1.1", "01.2.3.4", "", "cafe" }) {
			assertThat(ClientAddress.literal(name)).as(name).isEmpty();
		}
	}

}
