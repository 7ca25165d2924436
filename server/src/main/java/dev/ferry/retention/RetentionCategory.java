package dev.ferry.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a policy can limit by age. */
enum RetentionCategory {

	/** Files by upload time, crypto-shredded. */
	FILES,

	/** The oldest audit records, exported and anchored first. */
	AUDIT;

	String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<RetentionCategory> named(String name) {
		return Arrays.stream(values()).filter((c) -> c.apiName().equals(name)).findFirst();
	}

}
