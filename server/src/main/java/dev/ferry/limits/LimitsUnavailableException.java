package dev.ferry.limits;

/**
 * The shared store of the counters (Redis) cannot be reached or did not answer in time. A
 * limit that cannot be counted is not skipped: the request fails, and the web layer
 * answers it 503 {@code /problems/limits-unavailable} rather than as an unexpected error.
 */
public class LimitsUnavailableException extends RuntimeException {

	LimitsUnavailableException(Throwable cause) {
		super("The limits store cannot be reached: " + cause.getClass().getSimpleName(), cause);
	}

}
