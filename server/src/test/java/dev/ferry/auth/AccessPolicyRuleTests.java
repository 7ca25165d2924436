package dev.ferry.auth;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ferry.testing.ServerClasses;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin and scope checks are made in one place, {@link AccessPolicy}: a module that read
 * the role or scopes itself would answer its own problem type and audit its own reason.
 */
class AccessPolicyRuleTests {

	private static final JavaClasses SERVER = ServerClasses.ALL;

	private static final Set<String> CHECKS = Set.of("isAdmin", "has", "scopes");

	@Test
	void noClassOutsideAuthChecksRoleOrScopesItself() {
		noClasses().that()
			.resideOutsideOfPackage("dev.ferry.auth..")
			.should()
			.callMethodWhere(DescribedPredicate.describe("CurrentUser.isAdmin/has/scopes",
					(JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(CurrentUser.class)
							&& CHECKS.contains(call.getName())))
			.check(SERVER);
	}

	@Test
	void noClassOutsideAuthUsesMethodSecurityExpressions() {
		noMethods().that()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("dev.ferry.auth..")
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.orShould()
			.beAnnotatedWith(PostAuthorize.class)
			.check(SERVER);
		noClasses().that()
			.resideOutsideOfPackage("dev.ferry.auth..")
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.check(SERVER);
	}

	@Test
	void theScanSeesTheServicesThatAskThePolicy() {
		assertThat(SERVER.stream()
			.filter((type) -> type.getDirectDependenciesFromSelf()
				.stream()
				.anyMatch((dependency) -> dependency.getTargetClass().isEquivalentTo(AccessPolicy.class)))
			.map(JavaClass::getSimpleName))
			.contains("AdminStats", "KeyAdministration", "Owners", "FileService", "UploadAccess", "UserAdminService");
	}

}
