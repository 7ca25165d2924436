package dev.ferry.testing;

/**
 * How long {@code bin/fuzz} lets Jazzer fuzz each target (fuzzing mode only; the normal
 * build runs just the seed inputs). Short enough that bin/test fuzzes every target on
 * each run; run a target longer by hand with {@code JAZZER_FUZZ=1} after raising it.
 */
public final class FuzzBudget {

	public static final String EACH = "10s";

	private FuzzBudget() {
	}

}
