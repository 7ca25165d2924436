package dev.ferry.auth.oidc;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Role claims in the shapes real providers send them, and the role map over them. */
class ClaimPathTests {

	static final Map<String, Object> KEYCLOAK = Map.of("realm_access", Map.of("roles", List.of("admin", "offline")),
			"resource_access", Map.of("ferry", Map.of("roles", List.of("transfer-admin"))), "scope",
			"openid email  profile", "https://ferry.example/roles", List.of("ferry-admins"), "groups", "staff");

	@Test
	void dottedPathsListsSpaceSeparatedStringsAndSingleValuesAreRead() {
		assertThat(ClaimPath.read(KEYCLOAK, "realm_access.roles")).contains(List.of("admin", "offline"));
		assertThat(ClaimPath.read(KEYCLOAK, "resource_access.ferry.roles")).contains(List.of("transfer-admin"));
		assertThat(ClaimPath.read(KEYCLOAK, "scope")).contains(List.of("openid", "email", "profile"));
		assertThat(ClaimPath.read(KEYCLOAK, "groups")).contains(List.of("staff"));
		assertThat(ClaimPath.read(KEYCLOAK, "https://ferry.example/roles")).contains(List.of("ferry-admins"));
		assertThat(ClaimPath.read(KEYCLOAK, "realm_access.missing")).isEmpty();
		assertThat(ClaimPath.read(KEYCLOAK, "realm_access")).as("an object is no list of values").contains(List.of());
	}

	@Test
	void theMostPrivilegedMappedRoleWinsAndNoneGivesTheDefault() {
		RoleMapping stock = new RoleMapping(provider(Map.of(), null, null, "user"));
		RoleMapping mapped = new RoleMapping(
				provider(Map.of("transfer-admin", "admin", "staff", "user"), null, "visitors", "guest"));

		assertThat(stock.map(List.of("offline", "guest", "user"))).hasToString("USER");
		assertThat(stock.map(List.of("admin", "guest"))).hasToString("ADMIN");
		assertThat(stock.map(List.of())).hasToString("USER");
		assertThat(mapped.map(List.of("staff", "transfer-admin"))).hasToString("ADMIN");
		assertThat(mapped.map(List.of("visitors"))).hasToString("GUEST");
		assertThat(mapped.map(List.of("admin"))).as("with a map, Ferry's role names mean nothing").hasToString("GUEST");
		assertThatIllegalStateException()
			.isThrownBy(() -> new RoleMapping(provider(Map.of("x", "superuser"), null, null, "user")));
	}

	@Test
	void theEnvironmentsMapsArePairs() {
		assertThat(OidcProperties.pairs("a=admin, b.c = user")).containsExactly(Map.entry("a", "admin"),
				Map.entry("b.c", "user"));
		assertThatIllegalStateException().isThrownBy(() -> OidcProperties.pairs("admin"));
	}

	static AccountRules provider(Map<String, String> roleMap, String adminRole, String guestRole, String defaultRole) {
		return new OidcProperties.Provider("p", "P", "https://idp.test", "ferry", "secret", List.of("openid"), "roles",
				adminRole, guestRole, roleMap, defaultRole, null, Map.of(), true, false, false)
			.rules();
	}

}
