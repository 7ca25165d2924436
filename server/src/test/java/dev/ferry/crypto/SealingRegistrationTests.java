package dev.ferry.crypto;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.ferry.testing.ServerClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the server's bytecode for every place that seals under the KEK: each one must
 * have registered its values for re-sealing on rotation, so a rotated-out key can be
 * deleted without locking anything away.
 */
class SealingRegistrationTests {

	private static final JavaClasses SERVER = ServerClasses.ALL;

	private static final Set<String> RAW = Set.of("seal", "open", "reseal");

	@Test
	void onlyTheCryptoModuleUsesTheKeyEncryptionKeyDirectly() {
		noClasses().that()
			.resideOutsideOfPackage("dev.ferry.crypto")
			.should()
			.callMethodWhere(DescribedPredicate.describe("KeyEncryptionKey.seal/open/reseal",
					(JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(KeyEncryptionKey.class)
							&& RAW.contains(call.getName())))
			.check(SERVER);
	}

	@Test
	void everyClassThatSealsRegisteredWhatItSeals() {
		classes().that(seal()).should(new ArchCondition<>("register the values they seal for re-sealing on rotation") {
			@Override
			public void check(JavaClass sealer, ConditionEvents events) {
				boolean registers = sealer.getMethodCallsFromSelf().stream().anyMatch((call) -> registers(call));
				events.add(new SimpleConditionEvent(sealer, registers,
						sealer.getName() + (registers ? " registers" : " seals under the KEK without registering")));
			}
		}).check(SERVER);
	}

	@Test
	void theScanSeesEverySealerWeKnowOf() {
		assertThat(SERVER.stream().filter(seal()).map(JavaClass::getSimpleName)).contains("ServerSecrets", "DataKeys",
				"TotpSecrets", "OidcFlows", "MailOutbox");
	}

	private static DescribedPredicate<JavaClass> seal() {
		return DescribedPredicate.describe("seal through a SealedColumn",
				(JavaClass type) -> type.getMethodCallsFromSelf()
					.stream()
					.anyMatch((call) -> call.getTargetOwner().isEquivalentTo(SealedColumn.class)
							&& call.getName().equals("seal")));
	}

	private static boolean registers(JavaCall<?> call) {
		return call.getName().equals("register") && (call.getTargetOwner().isEquivalentTo(KeyEncryptionKey.class)
				|| call.getTargetOwner().isEquivalentTo(SealedTable.class));
	}

}
