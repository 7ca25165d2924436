package dev.ferry.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.ferry.testing.Databases.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Base of repository tests that run the same SQL on every vendor: one freshly migrated
 * database per vendor for the class, handed to each {@code @MethodSource("databases")}
 * test as {@code (Vendor vendor, JdbcClient jdbc)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EveryVendor {

	private final Map<Vendor, Databases.Fresh> databases = new EnumMap<>(Vendor.class);

	@BeforeAll
	void openDatabases() {
		for (Vendor vendor : Vendor.values()) {
			databases.put(vendor, Databases.migrated(vendor));
		}
	}

	@AfterAll
	void closeDatabases() {
		databases.values().forEach(Databases.Fresh::close);
	}

	protected Stream<Arguments> databases() {
		return databases.entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue().jdbc()));
	}

	protected Databases.Fresh database(Vendor vendor) {
		return databases.get(vendor);
	}

}
