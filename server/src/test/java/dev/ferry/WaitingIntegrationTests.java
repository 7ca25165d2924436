package dev.ferry;

import dev.ferry.auth.TotpAfterKeyRetirementIntegrationTests;
import dev.ferry.cluster.BackupRestoreIntegrationTests;
import dev.ferry.ops.ServerKillIntegrationTests;
import dev.ferry.ops.SlowClientsIntegrationTests;
import dev.ferry.upload.TusCrashRecoveryIntegrationTests;
import dev.ferry.web.IdleSignOutUiEndToEndIntegrationTests;
import org.junit.jupiter.api.Nested;

/**
 * The classes that mostly wait (a real timeout, child servers starting), each on a server
 * or child process of its own, run side by side as nested classes of this one.
 *
 * <p>
 * Surefire hands the two test JVMs one class at a time, so JUnit's concurrent mode only
 * works within a class: as classes of their own, each held a whole JVM while it waited,
 * and a full run's timeline showed one core idle for a minute at a time
 * ({@code IdleSignOutUiEndToEndIntegrationTests} alone holds 78 s). Nested here, they
 * wait together in one JVM while the other JVM runs the rest of the suite. Their own
 * classes are abstract; {@code -Dtest='WaitingIntegrationTests*'} runs them.
 */
class WaitingIntegrationTests {

	@Nested
	class IdleSignOut extends IdleSignOutUiEndToEndIntegrationTests {

	}

	@Nested
	class SlowClients extends SlowClientsIntegrationTests {

	}

	@Nested
	class ServerKill extends ServerKillIntegrationTests {

	}

	@Nested
	class BackupRestore extends BackupRestoreIntegrationTests {

	}

	@Nested
	class TusCrashRecovery extends TusCrashRecoveryIntegrationTests {

	}

	@Nested
	class TotpAfterKeyRetirement extends TotpAfterKeyRetirementIntegrationTests {

	}

}
