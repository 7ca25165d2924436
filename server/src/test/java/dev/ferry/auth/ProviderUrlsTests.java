package dev.ferry.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderUrlsTests {

	@Test
	void anIdentityProvidersKeysComeOverHttpsOrFromThisHost() {
		for (String fine : new String[] { "https://login.example.com/realms/ferry",
				"http://127.0.0.1:8180/realms/ferry/protocol/saml/descriptor", "http://localhost:8080/default",
				"http://[::1]:9000/idp", null, " " }) {
			assertThatCode(() -> ProviderUrls.requireHttps(fine, "FERRY_OIDC_ISSUER")).as(fine)
				.doesNotThrowAnyException();
		}
		for (String refused : new String[] { "http://login.example.com/realms/ferry", "http://10.0.0.5/idp",
				"http://127.0.0.1.evil.example/idp", "http://idp.localhost/realms/ferry",
				"ftp://idp.example.com/metadata", "login.example.com" }) {
			assertThatThrownBy(() -> ProviderUrls.requireHttps(refused, "FERRY_OIDC_ISSUER")).as(refused)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("FERRY_OIDC_ISSUER")
				.hasMessageContaining("https");
		}
	}

}
