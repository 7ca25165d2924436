package dev.ferry;

import java.util.Map;

/**
 * Guidance the build checks: no production source file over {@link #MAX_LINES} lines and
 * no constructor with more than {@link #MAX_COLLABORATORS} parameters (records excepted:
 * their components are data, not collaborators). The lists hold today's offenders, with
 * their size when the limit was set; a new offender, or a listed one that grows, fails
 * {@link ModularityTests}, and so does an entry that no longer exceeds, so the lists only
 * shrink.
 */
final class StructuralLimits {

	static final int MAX_LINES = 300;

	static final int MAX_COLLABORATORS = 7;

	/** Source files (class names) over the line limit, with their length. */
	static final Map<String, Integer> LONG_CLASSES = Map.of();

	/**
	 * Classes with a constructor over the collaborator limit, with its parameter count.
	 */
	static final Map<String, Integer> WIDE_CONSTRUCTORS = Map.of();

	private StructuralLimits() {
	}

}
