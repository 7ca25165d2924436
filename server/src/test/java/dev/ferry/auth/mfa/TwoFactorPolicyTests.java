package dev.ferry.auth.mfa;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.ferry.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How {@code FERRY_REQUIRE_2FA} is read. */
class TwoFactorPolicyTests {

	@Test
	void noneAllAndRoleListsAreUnderstood() {
		assertThat(TwoFactorPolicy.parse("none")).isEmpty();
		assertThat(TwoFactorPolicy.parse(null)).isEmpty();
		assertThat(TwoFactorPolicy.parse("ALL")).isEqualTo(EnumSet.allOf(Role.class));
		assertThat(TwoFactorPolicy.parse("admin")).containsExactly(Role.ADMIN);
		assertThat(TwoFactorPolicy.parse(" admin , user ")).containsExactlyInAnyOrder(Role.ADMIN, Role.USER);
	}

	@Test
	void anythingElseIsRefusedWithTheVariableNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> TwoFactorPolicy.parse("everyone"))
			.withMessageContaining("FERRY_REQUIRE_2FA");
		assertThatIllegalArgumentException().isThrownBy(() -> TwoFactorPolicy.parse("admin;user"));
	}

}
